using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Api;

/// <summary>What an import of a gc.csv would do, row by row; nothing is stored.</summary>
/// <param name="Rows">Every data row of the file.</param>
public sealed record GcPreview(IReadOnlyList<GcPreview.Row> Rows)
{
    /// <summary>One row of the file.</summary>
    /// <param name="Line">Line number in the file (the header is line 1).</param>
    /// <param name="Status"><c>accepted</c>, <c>rejected</c>, or <c>exists</c> (a result at that time is stored).</param>
    /// <param name="Reason">Why it is rejected or clashes, naming the column; null when accepted.</param>
    /// <param name="Pouch">The pouch id, when the row could be read.</param>
    /// <param name="Result">The GC result, when the row could be read.</param>
    public sealed record Row(long Line, string Status, string? Reason, string? Pouch, GcResult? Result);
}
