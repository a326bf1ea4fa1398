using System.Text.RegularExpressions;

namespace PouchMonitor.Host.Api;

/// <summary>
/// Range checks of what the lab posts, each answering with the field and the rule it broke: times in 2000–2100 UTC,
/// percents finite and in 0–100 with H₂ and the other gases together at most 100 %, names and notes of bounded length.
/// </summary>
public static partial class LabInput
{
    /// <summary>Longest note kept with an event.</summary>
    public const int MaxNoteLength = 1000;

    private static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestTime = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Null when <paramref name="time"/> is absent or plausible, else the reason.</summary>
    public static string? TimeError(DateTimeOffset? time) =>
        time is { } t && (t < EarliestTime || t >= LatestTime) ? $"{t:O} is outside 2000–2100" : null;

    /// <summary>Null when <paramref name="note"/> is absent or short enough, else the reason.</summary>
    public static string? NoteError(string? note) =>
        note is { Length: > MaxNoteLength } ? $"longer than {MaxNoteLength} characters" : null;

    /// <summary>Null when the percents of one GC result are usable, else the field and reason.</summary>
    public static string? GcError(double? h2Percent, IReadOnlyDictionary<string, double>? otherPercents)
    {
        if (h2Percent is not { } h2 || !IsPercent(h2))
        {
            return "h2Percent: needs a number in 0–100";
        }

        foreach (var (name, percent) in otherPercents ?? new Dictionary<string, double>())
        {
            if (!GasColumn().IsMatch(name))
            {
                return $"otherPercents: '{Shown(name)}' is not a column name such as n2_percent (lower-case letters, digits, _, ending _percent)";
            }

            if (!IsPercent(percent))
            {
                return $"otherPercents.{name}: needs a number in 0–100";
            }
        }

        var total = h2 + (otherPercents?.Values.Sum() ?? 0);
        return total > 100 + 1e-9 ? $"h2Percent and otherPercents add up to {total:0.###} %, above 100 %" : null;
    }

    private static bool IsPercent(double value) => value is >= 0 and <= 100;

    private static string Shown(string name) => name.Length > 40 ? name[..40] + "…" : name;

    [GeneratedRegex("^[a-z0-9_]{1,32}_percent$")]
    private static partial Regex GasColumn();
}
