namespace PouchMonitor.Analysis;

/// <summary>What a user should know about one computed point; written as `;`-separated names.</summary>
[Flags]
public enum GasFlags
{
    /// <summary>Nothing to note.</summary>
    None = 0,

    /// <summary>Before the pouch's baseline: no gas is computed.</summary>
    PreBaseline = 1,

    /// <summary>The baseline reading itself.</summary>
    Baseline = 2,

    /// <summary>The first reading that counts a sampling or vent event.</summary>
    Event = 4,

    /// <summary>Within the settle time after an event; the point already counts the event.</summary>
    Settling = 8,

    /// <summary>The vessel's dry gas fell, with no event, by more than the readings' noise.</summary>
    LeakSuspected = 16,

    /// <summary>Pressure above 95 % of the sensor's upper limit: vent soon.</summary>
    NearSensorLimit = 32,

    /// <summary>The pouch's blank has no reading within <see cref="BlankSeries.Tolerance"/> of this point's time.</summary>
    BlankGap = 64,

    /// <summary>H₂ exceeds the evolved gas by more than the margin of <see cref="GasChecks"/>: O₂ consumed, or the GC's calibration.</summary>
    H2AboveEvolved = 128,
}
