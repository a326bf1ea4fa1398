using System.Globalization;

namespace PouchMonitor.Host.Time;

/// <summary>ISO 8601 times that must say their offset ("Z" or "+01:00"): a time without one is ambiguous.</summary>
public static class IsoTime
{
    /// <summary>Parses an ISO 8601 date and time with an offset; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        if (TryParseUtcSeconds(text, out time))
        {
            return true;
        }

        return HasOffset(text)
            && text.Length >= 16 && text[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>The time in UTC as "2026-11-01T08:00:00Z", with fractional seconds only when there are any.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="Format"/> into a buffer.</summary>
    public static bool TryFormat(DateTimeOffset time, Span<char> destination, out int charsWritten)
    {
        var utc = time.UtcDateTime;
        if (utc.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return utc.TryFormat(destination, out charsWritten, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        }

        // whole seconds, the usual case, through the fast sortable ("s") format
        if (!utc.TryFormat(destination, out charsWritten, "s", CultureInfo.InvariantCulture) || charsWritten == destination.Length)
        {
            return false;
        }

        destination[charsWritten++] = 'Z';
        return true;
    }

    /// <summary>The common form "2026-11-01T08:00:00Z", parsed without the general parser.</summary>
    private static bool TryParseUtcSeconds(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z'
            || !TryDigits(text[..4], out int year) || !TryDigits(text[5..7], out int month) || !TryDigits(text[8..10], out int day)
            || !TryDigits(text[11..13], out int hour) || !TryDigits(text[14..16], out int minute) || !TryDigits(text[17..19], out int second)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year == 0 ? 1 : year, month) || hour > 23 || minute > 59 || second > 59 || year == 0)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (char c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        if (text.Length > 0 && text[^1] is 'Z' or 'z')
        {
            return true;
        }

        // ±hh:mm or ±hhmm after the time of day
        int sign = text.LastIndexOfAny('+', '-');
        return sign > 10 && text.Length - sign is 5 or 6;
    }
}
