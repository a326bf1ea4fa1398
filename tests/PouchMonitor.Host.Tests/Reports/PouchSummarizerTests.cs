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
    public void Summarize_SeedGompertzCurve_ReproducesItsParameters()
    {
        // docs/seed-experiment.md: modified Gompertz (Zwietering 1990) with A = 10.2 mL g⁻¹, μm = 2.02 mL g⁻¹ day⁻¹, λ = 1.27 day
        const double a = 10.2, mu = 2.02, lambda = 1.27;
        double Gompertz(double day) => a * Math.Exp(-Math.Exp((mu * Math.E / a * (lambda - day)) + 1));
        double paPerMlPerG = 1 / GeneratedPouch.MlPerG(1);
        var pouch = new GeneratedPouch(days: 14, TimeSpan.FromMinutes(10), risePaAtDay: day => (Gompertz(day) - Gompertz(0)) * paPerMlPerG);

        var summary = PouchSummarizer.Summarize(pouch.Spec, pouch.Inputs, pouch.Points, Options);

        Assert.Equal(Gompertz(14) - Gompertz(0), summary.FinalMlPerG!.Value, 9);
        // a 6-h secant through the inflection point, where the slope is μm: within 0.1 %
        Assert.Equal(mu / 24, summary.MaxRateMlPerGPerH!.Value, 0.001 * mu / 24);
        Assert.Equal(lambda + (a / (mu * Math.E)), summary.Metrics!.MaxRateAtDays!.Value, 0.05);
        // first reaching 1 mL g⁻¹: invert y = A·exp(−exp(μm·e/A·(λ − t) + 1)); 10-min readings, linear between them
        double crossing = lambda - ((Math.Log(-Math.Log((1 + Gompertz(0)) / a)) - 1) * a / (mu * Math.E));
        Assert.Equal(crossing, summary.ThresholdDays!.Value, 1e-4);
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
