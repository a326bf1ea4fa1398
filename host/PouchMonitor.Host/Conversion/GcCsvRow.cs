using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Conversion;

/// <summary>One data row of gc.csv: its pouch and result, or why it is unusable.</summary>
/// <param name="Line">Line number in the file (the header is line 1).</param>
/// <param name="Pouch">The pouch id, when the row is usable.</param>
/// <param name="Result">The GC result, when the row is usable.</param>
/// <param name="Error">Why the row is unusable, naming the column; null when usable.</param>
internal sealed record GcCsvRow(long Line, string? Pouch, GcResult? Result, string? Error);
