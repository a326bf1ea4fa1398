namespace PouchMonitor.Host.Reports;

/// <summary>One row of summary.csv: a pouch's summary numbers with their uncertainties. Times are days since the baseline.</summary>
/// <param name="PouchId">The pouch.</param>
/// <param name="Sample">Its material.</param>
/// <param name="Metrics">The numbers as recorded; null when the pouch has no settled reading.</param>
/// <param name="FinalMlPerG">Evolved dry gas at the last reading, mL std g⁻¹ slurry.</param>
/// <param name="FinalMlPerGActive">The same per g of active material.</param>
/// <param name="FinalH2MlPerG">H₂ at the last reading, mL std g⁻¹ slurry.</param>
/// <param name="MaxRateMlPerGPerH">Largest rate over the rate window, mL std g⁻¹ h⁻¹.</param>
/// <param name="ThresholdDays">Days from the baseline to the first crossing of the threshold.</param>
internal sealed record PouchSummary(
    string PouchId,
    string Sample,
    PouchMetrics? Metrics,
    Uncertain? FinalMlPerG,
    Uncertain? FinalMlPerGActive,
    Uncertain? FinalH2MlPerG,
    Uncertain? MaxRateMlPerGPerH,
    Uncertain? ThresholdDays)
{
    /// <summary>What the parts beyond the datasheet were computed from; null when the pouch has no settled reading.</summary>
    public BudgetInputs? Budget { get; init; }
}
