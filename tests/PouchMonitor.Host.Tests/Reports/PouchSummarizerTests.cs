using PouchMonitor.Host.Reports;

namespace PouchMonitor.Host.Tests.Reports;

/// <summary>Summary numbers and their uncertainties on a generated series whose answers are known in closed form.</summary>
public class PouchSummarizerTests
{
    private static readonly ReportOptions Options = ReportOptions.Default;

    [Fact]
    public void Summarize_LinearRise_FinalRateAndCrossingAsComputedByHand()
    {
        var pouch = new GeneratedPouch(days: 4, TimeSpan.FromMinutes(10));

        var summary = PouchSummarizer.Summarize(pouch.Spec, pouch.Inputs, pouch.Points, Options);

        double perGPerDay = GeneratedPouch.MlPerG(GeneratedPouch.RisePaPerDay);
        Assert.Equal(4 * perGPerDay, summary.FinalMlPerG!.Value, 9);
        Assert.Equal(4 * perGPerDay * GeneratedPouch.SlurryMassG / GeneratedPouch.ActiveMassG, summary.FinalMlPerGActive!.Value, 9);
        Assert.Equal(perGPerDay / 24, summary.MaxRateMlPerGPerH!.Value, 9);
        Assert.Equal(Options.ThresholdMlPerG / perGPerDay, summary.ThresholdDays!.Value, 9);
        Assert.Null(summary.FinalH2MlPerG);
    }

    [Fact]
    public void Summarize_ConstantTemperature_PressureOffsetCancelsAndTheOtherPartsMatchTheDatasheet()
    {
        var pouch = new GeneratedPouch(days: 4, TimeSpan.FromMinutes(10));

        var final = PouchSummarizer.Summarize(pouch.Spec, pouch.Inputs, pouch.Points, Options).FinalMlPerG!;

        // An offset common to every reading drops out of N(t) − N(baseline) when T does not change.
        Assert.Equal(0, final.AbsolutePressureU, 12);
        // ±0.12 hPa between baseline and final reading, as a rectangular limit: 12 Pa / √3.
        Assert.Equal(GeneratedPouch.MlPerG(12) / Math.Sqrt(3), final.RelativePressureU, 9);
        // ±1 °C scales ΔP·V/(R·T): half the change between T + 1 K and T − 1 K, over √3.
        double rise = 4 * GeneratedPouch.RisePaPerDay;
        double halfChange = (GeneratedPouch.MlPerG(rise, GeneratedPouch.TemperatureC - 1) - GeneratedPouch.MlPerG(rise, GeneratedPouch.TemperatureC + 1)) / 2;
        Assert.Equal(halfChange / Math.Sqrt(3), final.TemperatureU, 9);
        Assert.Equal(0, final.NoiseU, 12);
    }

    [Fact]
    public void Summarize_NoisyReadings_NoisePartFollowsThePressureNoise()
    {
        const double noisePa = 3;
        var pouch = new GeneratedPouch(days: 4, TimeSpan.FromMinutes(1), noisePa);

        var summary = PouchSummarizer.Summarize(pouch.Spec, pouch.Inputs, pouch.Points, Options);

        // Final and baseline readings each carry the noise: √2 · σ_P · V/(R·T).
        double expected = Math.Sqrt(2) * GeneratedPouch.MlPerG(noisePa);
        Assert.InRange(summary.FinalMlPerG!.NoiseU, 0.95 * expected, 1.05 * expected);
        Assert.InRange(summary.MaxRateMlPerGPerH!.NoiseU, 0.95 * expected / 6, 1.05 * expected / 6);
        Assert.True(summary.ThresholdDays!.NoiseU > 0);
    }

    [Fact]
    public void Summarize_NoReadings_HasNoNumbers()
    {
        var pouch = new GeneratedPouch(days: 0, TimeSpan.FromMinutes(10));
        pouch.Points.Clear();

        var summary = PouchSummarizer.Summarize(pouch.Spec, pouch.Inputs, pouch.Points, Options);

        Assert.Null(summary.Metrics);
        Assert.Null(summary.FinalMlPerG);
    }
}
