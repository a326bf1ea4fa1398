namespace PouchMonitor.Analysis;

/// <summary>Settings that apply to every pouch of an experiment.</summary>
/// <param name="Standard">Conditions at which volumes are reported.</param>
/// <param name="EventSettle">Time after an event before a reading counts as settled (eventSettleMinutes).</param>
/// <param name="Leak">The leak-suspected rule.</param>
public sealed record ExperimentSettings(StandardConditions Standard, TimeSpan EventSettle, LeakRule Leak)
{
    /// <summary>0 °C and 101 325 Pa, no settle time, the default leak rule.</summary>
    public static ExperimentSettings Default { get; } = new(StandardConditions.Default, TimeSpan.Zero, LeakRule.Default);
}
