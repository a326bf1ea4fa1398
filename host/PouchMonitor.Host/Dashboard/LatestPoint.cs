namespace PouchMonitor.Host.Dashboard;

/// <summary>A pouch's newest stored gas point, as the overview shows it.</summary>
public sealed record LatestPoint(
    DateTimeOffset Time,
    double PressurePa,
    double TemperatureC,
    double? DryGasMlStdPerG,
    double? DryGasMlStd,
    double? H2Percent,
    string? H2Basis);
