namespace PouchMonitor.Host.Core;

/// <summary>What an alert is about; the kebab-case names are in <see cref="Alerts.AlertKinds"/>.</summary>
public enum AlertKind
{
    /// <summary>Evolved gas (swelling for pouch-in-jar) per gram of slurry above its threshold.</summary>
    Swelling,

    /// <summary>Evolved gas per gram rising faster than its threshold over the rate window.</summary>
    SwellingRate,

    /// <summary>Hydrogen above its threshold: GC-based, or all evolved gas counted as H₂ before any GC result.</summary>
    Hydrogen,

    /// <summary>Sensor temperature outside the oven's band.</summary>
    OvenTemperature,

    /// <summary>The device sent its last will, or nothing for three publish intervals.</summary>
    DeviceOffline,

    /// <summary>The pouch's sensor reported a fault.</summary>
    SensorFault,

    /// <summary>Pressure near the sensor's upper limit: vent the vessel.</summary>
    NearSensorLimit,

    /// <summary>Gas falling without an event: the vessel may leak.</summary>
    LeakSuspected,
}
