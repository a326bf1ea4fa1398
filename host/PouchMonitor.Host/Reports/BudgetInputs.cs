namespace PouchMonitor.Host.Reports;

/// <summary>What a pouch's budget parts beyond the sensor's datasheet were computed from, for summary.md's budget table.</summary>
/// <param name="GasTemperatureK">The sensor-to-gas temperature difference's standard uncertainty, K.</param>
/// <param name="GasTemperatureOrigin">Whether it was given, from the measured ripple or the fixed default.</param>
/// <param name="Events">Events between the baseline and the last reading.</param>
/// <param name="VolumeMl">The vessel's gas volume, mL.</param>
/// <param name="VolumeUncertaintyMl">Its standard uncertainty, mL (0: not given).</param>
/// <param name="BlankId">The pouch's blank; null without one.</param>
/// <param name="BlankShareMlPerG">The blank's share subtracted at the last reading, mL std g⁻¹ slurry; null when none was.</param>
internal sealed record BudgetInputs(
    double GasTemperatureK, GasTemperatureOrigin GasTemperatureOrigin, int Events, double VolumeMl, double VolumeUncertaintyMl, string? BlankId,
    double? BlankShareMlPerG);
