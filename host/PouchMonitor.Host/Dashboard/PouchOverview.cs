namespace PouchMonitor.Host.Dashboard;

/// <summary>One card of the experiment overview. Volumes are at the overview's standard conditions.</summary>
/// <param name="Pouch">Pouch id.</param>
/// <param name="Sample">What is in it.</param>
/// <param name="Device">Board id, or null for a pouch without a live source.</param>
/// <param name="Sensor">Sensor index on the board.</param>
/// <param name="LastReadingAt">Time of the newest reading.</param>
/// <param name="LastReadingAgeS">Seconds since then.</param>
/// <param name="DryGasMlStdPerG">Evolved dry gas per gram of slurry, mL g⁻¹.</param>
/// <param name="DryGasMlStdPerGActive">Evolved dry gas per gram of active material, mL g⁻¹.</param>
/// <param name="RateMlStdPerGPerDay">Rise of <paramref name="DryGasMlStdPerG"/> over the last hour, mL g⁻¹ d⁻¹.</param>
/// <param name="H2Percent">Hydrogen in the vessel's dry gas, %.</param>
/// <param name="H2Basis">How the H₂ fraction was obtained: measured, interpolated or extrapolated.</param>
/// <param name="PressureKPa">Newest absolute pressure, kPa.</param>
/// <param name="TemperatureC">Newest temperature, °C.</param>
/// <param name="DeviceHealth"><c>online</c>, <c>offline</c> or <c>no data</c>.</param>
/// <param name="SensorHealth"><c>ok</c>, <c>fault</c> or <c>near limit</c>.</param>
/// <param name="OpenAlerts">Kebab-case kinds of the pouch's open alerts.</param>
public sealed record PouchOverview(
    string Pouch,
    string Sample,
    string? Device,
    int? Sensor,
    DateTimeOffset? LastReadingAt,
    double? LastReadingAgeS,
    double? DryGasMlStdPerG,
    double? DryGasMlStdPerGActive,
    double? RateMlStdPerGPerDay,
    double? H2Percent,
    string? H2Basis,
    double? PressureKPa,
    double? TemperatureC,
    string DeviceHealth,
    string SensorHealth,
    IReadOnlyList<string> OpenAlerts);
