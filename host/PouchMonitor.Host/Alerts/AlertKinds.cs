using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Alerts;

/// <summary>The names alerts carry in JSON, MQTT and InfluxDB.</summary>
public static class AlertKinds
{
    /// <summary>The kebab-case name, e.g. <c>swelling-rate</c>.</summary>
    public static string Name(AlertKind kind) => kind switch
    {
        AlertKind.Swelling => "swelling",
        AlertKind.SwellingRate => "swelling-rate",
        AlertKind.Hydrogen => "hydrogen",
        AlertKind.OvenTemperature => "oven-temperature",
        AlertKind.DeviceOffline => "device-offline",
        AlertKind.SensorFault => "sensor-fault",
        AlertKind.NearSensorLimit => "near-sensor-limit",
        AlertKind.LeakSuspected => "leak-suspected",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind named <paramref name="name"/>.</summary>
    public static AlertKind Parse(string name) =>
        Enum.GetValues<AlertKind>().First(k => Name(k) == name);
}
