namespace PouchMonitor.Host.Conversion;

/// <summary>A row of an input file that was not used, and why.</summary>
/// <param name="Line">Line number in the file (the header is line 1).</param>
/// <param name="Reason">What is wrong, naming the column and value.</param>
public sealed record RejectedRow(long Line, string Reason);
