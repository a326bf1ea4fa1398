namespace PouchMonitor.Host.Conversion;

/// <summary>What a conversion did.</summary>
/// <param name="RowsRead">Data rows of readings.csv.</param>
/// <param name="RowsWritten">Rows of gas.csv.</param>
/// <param name="Rejected">Rows rejected, with a reason in rejects.csv.</param>
/// <param name="DuplicatesDropped">Identical repeats of a (pouch, time), dropped silently.</param>
public sealed record ConversionSummary(long RowsRead, long RowsWritten, long Rejected, long DuplicatesDropped)
{
    /// <summary>Set-up warnings, e.g. a vessel that will pass its sensor's range (docs/measurement-model.md).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
