using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Reports;

/// <summary>What a report run did.</summary>
/// <param name="Conversion">Readings read, points written, rejects.</param>
/// <param name="Summaries">One per pouch, in output order.</param>
/// <param name="Files">The files written, full paths.</param>
/// <param name="BiogasSkipped">Pouches left out of the biogas export, with the reason.</param>
internal sealed record ReportResult(ConversionSummary Conversion, IReadOnlyList<PouchSummary> Summaries, IReadOnlyList<string> Files, IReadOnlyList<string> BiogasSkipped);
