namespace PouchMonitor.Host.Conversion;

/// <summary>What a conversion did.</summary>
/// <param name="RowsRead">Data rows of readings.csv.</param>
/// <param name="RowsWritten">Rows of gas.csv.</param>
/// <param name="Rejected">Rows rejected, with a reason in rejects.csv.</param>
/// <param name="DuplicatesDropped">Identical repeats of a (pouch, time), dropped silently.</param>
public sealed record ConversionSummary(long RowsRead, long RowsWritten, long Rejected, long DuplicatesDropped)
{
    /// <summary>First and last accepted reading of each pouch that has any, by pouch id.</summary>
    public IReadOnlyDictionary<string, (DateTimeOffset First, DateTimeOffset Last)> ReadingSpans { get; init; } =
        new Dictionary<string, (DateTimeOffset First, DateTimeOffset Last)>();

    /// <summary>
    /// Inputs that look wrong but do not stop the conversion, one line each: a vessel that will pass its sensor's range
    /// (docs/measurement-model.md), an event outside its pouch's readings.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
