using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Dashboard;

/// <summary>Puts one pouch's overview card together from its newest points and open alerts.</summary>
public static class OverviewCard
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    /// <summary>The card of <paramref name="pouch"/>.</summary>
    public static PouchOverview Of(ExperimentPouch pouch, PouchKey key, DashboardQueries queries, IReadOnlyList<Alert> openAlerts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pouch);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(openAlerts);
        var latest = queries.Latest(key);
        var kinds = openAlerts.Where(a => a.Pouch == key.Pouch).Select(a => a.Kind).ToList();
        var deviceHealth = kinds.Contains(AlertKind.DeviceOffline) ? "offline" : latest is null ? "no data" : "online";
        var sensorHealth = kinds.Contains(AlertKind.SensorFault) ? "fault" : kinds.Contains(AlertKind.NearSensorLimit) ? "near limit" : "ok";
        return new PouchOverview(pouch.Spec.Id, pouch.Spec.Sample, pouch.Source?.Device, pouch.Source?.Sensor,
            latest?.Time, latest is null ? null : (now - latest.Time).TotalSeconds,
            latest?.DryGasMlStdPerG, latest?.DryGasMlStd / pouch.Spec.ActiveMassG, Rate(key, queries, latest),
            latest?.H2Percent, latest?.H2Basis?.ToLowerInvariant(), latest?.PressurePa / 1000, latest?.TemperatureC,
            deviceHealth, sensorHealth, [.. kinds.Select(AlertKinds.Name)]);
    }

    private static double? Rate(PouchKey key, DashboardQueries queries, LatestPoint? latest)
    {
        if (latest?.DryGasMlStdPerG is not { } now || queries.GasPerGramAt(key, latest.Time - RateWindow) is not { } earlier)
        {
            return null;
        }

        var days = (latest.Time - earlier.Time).TotalDays;
        return days > 0 ? (now - earlier.DryGasMlStdPerG) / days : null;
    }
}
