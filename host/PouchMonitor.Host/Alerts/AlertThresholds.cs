namespace PouchMonitor.Host.Alerts;

/// <summary>
/// When alerts open and close. An upper threshold opens above its value and closes below
/// value × (1 − <see cref="HysteresisFraction"/>), so a reading hovering at the threshold does not flap.
/// </summary>
public sealed class AlertThresholds
{
    /// <summary>Evolved gas (or pouch swelling) per gram of slurry, mL g⁻¹.</summary>
    public double SwellingMlPerG { get; set; } = 5.0;

    /// <summary>Rise of evolved gas per gram, mL g⁻¹ h⁻¹, over <see cref="SwellingRateWindow"/>.</summary>
    public double SwellingRateMlPerGPerH { get; set; } = 0.5;

    /// <summary>Window the swelling rate is measured over.</summary>
    public TimeSpan SwellingRateWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Hydrogen in the vessel, mL at standard conditions (all evolved gas before any GC result).</summary>
    public double HydrogenMlStd { get; set; } = 5.0;

    /// <summary>Oven set point, °C.</summary>
    public double OvenTemperatureC { get; set; } = 50.0;

    /// <summary>Allowed deviation from the set point, °C.</summary>
    public double OvenToleranceC { get; set; } = 2.0;

    /// <summary>Near-sensor-limit closes once pressure is below this fraction of the sensor's maximum (it opens at 0.95).</summary>
    public double NearSensorLimitClearFraction { get; set; } = 0.93;

    /// <summary>Consecutive readings without the leak flag that close a leak alert.</summary>
    public int LeakClearReadings { get; set; } = 10;

    /// <summary>Publish intervals of silence after which a device is offline.</summary>
    public int OfflineIntervals { get; set; } = 3;

    /// <summary>Publish interval assumed until the device's status says otherwise.</summary>
    public TimeSpan DefaultPublishInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Fraction below an upper threshold at which its alert closes.</summary>
    public double HysteresisFraction { get; set; } = 0.1;
}
