using PouchMonitor.Analysis;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Dashboard;

/// <summary>The newest gas point of a pouch as the dashboard's live stream sends it; volumes at the experiment's standard conditions.</summary>
public sealed record LiveReading(
    string Pouch,
    DateTimeOffset Time,
    double PressureKPa,
    double TemperatureC,
    double? DryGasMlStdPerG,
    double? DryGasMlStdPerGActive,
    double? H2Percent,
    string? H2Basis,
    double? H2MlStdPerG)
{
    /// <summary>The live form of <paramref name="point"/>.</summary>
    public static LiveReading Of(ExperimentPouch pouch, GasPoint point)
    {
        ArgumentNullException.ThrowIfNull(pouch);
        ArgumentNullException.ThrowIfNull(point);
        return new(pouch.Spec.Id, point.Time, point.PressurePa / 1000, point.TemperatureC, point.DryGasMlStdPerG,
            point.DryGasMlStdPerGActive, point.H2Percent, point.H2Basis?.ToString().ToLowerInvariant(), point.H2MlStdPerG);
    }
}
