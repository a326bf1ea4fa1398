using System.Globalization;

namespace PouchMonitor.Host.Time;

/// <summary>ISO 8601 times that must say their offset ("Z" or "+01:00"): a time without one is ambiguous.</summary>
public static class IsoTime
{
    /// <summary>Parses an ISO 8601 date and time with an offset; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        return HasOffset(text)
            && text.Length >= 16 && text[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>The time in UTC as "2026-11-01T08:00:00Z", with fractional seconds only when there are any.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="Format"/> into a buffer.</summary>
    public static bool TryFormat(DateTimeOffset time, Span<char> destination, out int charsWritten) =>
        time.UtcDateTime.TryFormat(destination, out charsWritten, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

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
