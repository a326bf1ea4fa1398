namespace PouchMonitor.Host.Reports;

/// <summary>The summary numbers of one pouch's series, before uncertainties. Times are days since the baseline.</summary>
/// <param name="BaselineTime">Time of the baseline reading.</param>
/// <param name="LastDays">Time of the last settled reading.</param>
/// <param name="FinalMlPerG">Evolved dry gas at the last reading, mL std g⁻¹ slurry.</param>
/// <param name="FinalMlPerGActive">The same per g of active material; null without activeMassG.</param>
/// <param name="FinalH2MlPerG">H₂ at the last reading, mL std g⁻¹ slurry; null without GC data.</param>
/// <param name="MaxRateMlPerGPerH">Largest gas rate over the rate window, mL std g⁻¹ h⁻¹; null when the data span less.</param>
/// <param name="MaxRateAtDays">Middle of the window of <paramref name="MaxRateMlPerGPerH"/>.</param>
/// <param name="ThresholdDays">First crossing of the threshold (linear between readings); null if never reached.</param>
/// <param name="ThresholdSlopeMlPerGPerDay">Slope of the curve over the rate window centred on the crossing.</param>
internal sealed record PouchMetrics(
    DateTimeOffset BaselineTime,
    double LastDays,
    double FinalMlPerG,
    double? FinalMlPerGActive,
    double? FinalH2MlPerG,
    double? MaxRateMlPerGPerH,
    double? MaxRateAtDays,
    double? ThresholdDays,
    double? ThresholdSlopeMlPerGPerDay)
{
    /// <summary>The numbers that carry an uncertainty, in the order of <see cref="PouchSummary"/>'s.</summary>
    public double?[] UncertainValues() => [FinalMlPerG, FinalMlPerGActive, FinalH2MlPerG, MaxRateMlPerGPerH, ThresholdDays];
}
