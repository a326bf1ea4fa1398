namespace PouchMonitor.Analysis;

/// <summary>Settings that apply to every pouch of an experiment.</summary>
/// <param name="Standard">Conditions at which volumes are reported.</param>
/// <param name="EventSettle">Time after an event before a reading counts as settled (eventSettleMinutes).</param>
/// <param name="Leak">The leak-suspected rule.</param>
public sealed record ExperimentSettings(StandardConditions Standard, TimeSpan EventSettle, LeakRule Leak)
{
    /// <summary>0 °C and 101 325 Pa, no settle time, the default leak rule.</summary>
    public static ExperimentSettings Default { get; } = new(StandardConditions.Default, TimeSpan.Zero, LeakRule.Default);

    /// <summary>
    /// Length of the windows averaged for the baseline and for an event's before and after values (baselineMinutes);
    /// zero: one reading each. A pouch's <see cref="PouchSpec.BaselineWindow"/> overrides it.
    /// </summary>
    public TimeSpan BaselineWindow { get; init; } = TimeSpan.Zero;

    /// <summary>How an event's removed gas is taken across its settle time (eventGap).</summary>
    public EventGap EventGap { get; init; } = EventGap.Hold;

    /// <summary>
    /// Standard uncertainty of the sensor-to-gas temperature difference in K (gasTemperatureUncertaintyK), for the
    /// uncertainty budget; null when not given: <see cref="DefaultGasTemperatureUncertaintyK"/>, or with a baseline
    /// window that from the ripple the pouch's sensor saw in it (<see cref="RippleTemperature"/>).
    /// </summary>
    public double? GasTemperatureUncertaintyK { get; init; }

    /// <summary>
    /// The default of <see cref="GasTemperatureUncertaintyK"/>, in K: a ±0.25 K oven ripple of 25 min period seen through
    /// a 3-min sensor lag (0.25 K · 2π · 3 / 25).
    /// </summary>
    public const double DefaultGasTemperatureUncertaintyK = 0.2;

    /// <summary>How H₂ between GC samples is obtained (h2Method).</summary>
    public H2Method H2Method { get; init; } = H2Method.VesselFraction;
}
