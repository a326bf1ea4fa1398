namespace PouchMonitor.Analysis;

/// <summary>A gas chromatograph result for the gas under study of one vessel.</summary>
/// <param name="Time">When the sample was drawn.</param>
/// <param name="H2Percent">H₂ in percent of the dry gas, 0–100.</param>
/// <param name="OtherPercents">Other gases in percent of the dry gas, keyed by output column name (e.g. "n2_percent").</param>
public sealed record GcResult(DateTimeOffset Time, double H2Percent, IReadOnlyDictionary<string, double> OtherPercents);
