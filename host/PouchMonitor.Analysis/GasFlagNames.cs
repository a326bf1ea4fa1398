namespace PouchMonitor.Analysis;

/// <summary>The names of <see cref="GasFlags"/> as files and users see them (e.g. "pre-baseline").</summary>
public static class GasFlagNames
{
    private static readonly (GasFlags Flag, string Name)[] Names =
    [
        (GasFlags.PreBaseline, "pre-baseline"),
        (GasFlags.Baseline, "baseline"),
        (GasFlags.Event, "event"),
        (GasFlags.Settling, "settling"),
        (GasFlags.LeakSuspected, "leak-suspected"),
        (GasFlags.NearSensorLimit, "near-sensor-limit"),
        (GasFlags.BlankGap, "blank-gap"),
        (GasFlags.H2AboveEvolved, "h2-above-evolved"),
    ];

    /// <summary>The largest flag.</summary>
    public const GasFlags Last = GasFlags.H2AboveEvolved;

    /// <summary>The flags as a `;`-separated list, empty for none.</summary>
    public static string Format(GasFlags flags) =>
        flags == GasFlags.None ? string.Empty : string.Join(';', Names.Where(n => flags.HasFlag(n.Flag)).Select(n => n.Name));
}
