namespace PouchMonitor.Host.Reports;

/// <summary>Where a pouch's sensor-to-gas temperature uncertainty came from (docs/reports.md, "Further parts").</summary>
internal enum GasTemperatureOrigin
{
    /// <summary>gasTemperatureUncertaintyK in experiment.json.</summary>
    Given,

    /// <summary>Not given: the ripple the pouch's sensor measured in its baseline window (at least 0.2 K).</summary>
    Ripple,

    /// <summary>Not given, and no baseline window of three readings or more: the fixed 0.2 K.</summary>
    Default,
}
