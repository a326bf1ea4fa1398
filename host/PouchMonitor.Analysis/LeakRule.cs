namespace PouchMonitor.Analysis;

/// <summary>When a fall of the vessel's dry gas is flagged leak-suspected.</summary>
/// <remarks>
/// The dry gas N is low-passed by two running means of <see cref="Smoothing"/> in a row (a triangular filter that
/// removes an oven ripple whose period is up to about half of <see cref="Smoothing"/>). A reading is flagged when the smoothed
/// N has stayed below the highest smoothed N of the preceding <see cref="Window"/> (since the baseline or the last
/// event) by more than max(<see cref="NoiseMultiple"/> · σ, minimum drop) for <see cref="Sustain"/>; σ is the noise
/// of the smoothed N at the smoothing's own time scale, the minimum drop is the larger of
/// <see cref="MinimumDropMlStd"/> and <see cref="MinimumDropPerVesselMl"/> times the vessel's gas volume
/// (see docs/measurement-model.md).
/// </remarks>
/// <param name="Window">How far back the highest dry gas is looked for; 6 h by default.</param>
/// <param name="NoiseMultiple">How many noise standard deviations a fall must exceed; 5 by default.</param>
/// <param name="MinimumDropMlStd">The smallest fall ever flagged, in mL at standard conditions; 0.05 mL by default.</param>
public sealed record LeakRule(TimeSpan Window, double NoiseMultiple, double MinimumDropMlStd)
{
    /// <summary>6 h window, 5 σ, at least 0.05 mL std or 1e-4 of the vessel's gas volume, 2 h smoothing, 30 min sustained.</summary>
    public static LeakRule Default { get; } = new(TimeSpan.FromHours(6), 5, 0.05);

    /// <summary>Width of each of the two running means that low-pass N; at least twice the longest oven ripple period. 2 h by default.</summary>
    public TimeSpan Smoothing { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How long the fall must last before readings are flagged; 30 min by default.</summary>
    public TimeSpan Sustain { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The smallest fall flagged, per mL of the vessel's gas volume, in mL std mL⁻¹; 1e-4 by default (0.06 mL in a 600 mL jar).</summary>
    public double MinimumDropPerVesselMl { get; init; } = 1e-4;
}
