namespace PouchMonitor.Host.Reports;

/// <summary>How a report summarises each pouch.</summary>
/// <param name="ThresholdMlPerG">Gas per g of slurry (mL std g⁻¹) whose first crossing is reported, &gt; 0.</param>
/// <param name="RateWindow">Window over which the gas rate is taken, e.g. 6 h.</param>
/// <param name="Accuracy">The sensor's stated accuracy.</param>
internal sealed record ReportOptions(double ThresholdMlPerG, TimeSpan RateWindow, SensorAccuracy Accuracy)
{
    /// <summary>1 mL g⁻¹, 6 h, BME280.</summary>
    public static ReportOptions Default { get; } = new(1.0, TimeSpan.FromHours(6), SensorAccuracy.Bme280);
}
