namespace PouchMonitor.Analysis;

/// <summary>When a fall of the vessel's dry gas is flagged leak-suspected.</summary>
/// <remarks>
/// A reading is flagged when its dry gas N lies below the highest N of the readings in the
/// preceding <see cref="Window"/> (since the baseline or the last event) by more than
/// max(<see cref="NoiseMultiple"/> · σ, <see cref="MinimumDropMlStd"/>), where σ is the noise of N
/// estimated from successive readings (see docs/measurement-model.md).
/// </remarks>
/// <param name="Window">How far back the highest dry gas is looked for; 6 h by default.</param>
/// <param name="NoiseMultiple">How many noise standard deviations a fall must exceed; 5 by default.</param>
/// <param name="MinimumDropMlStd">The smallest fall ever flagged, in mL at standard conditions; 0.05 mL by default.</param>
public sealed record LeakRule(TimeSpan Window, double NoiseMultiple, double MinimumDropMlStd)
{
    /// <summary>6 h window, 5 σ, at least 0.05 mL std.</summary>
    public static LeakRule Default { get; } = new(TimeSpan.FromHours(6), 5, 0.05);
}
