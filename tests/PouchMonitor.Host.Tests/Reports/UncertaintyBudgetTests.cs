using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Reports;

namespace PouchMonitor.Host.Tests.Reports;

/// <summary>The budget's parts beyond the sensor's datasheet: gas temperature, vessel volume and blank.</summary>
public class UncertaintyBudgetTests
{
    [Fact]
    public void Summarize_VolumeUncertainty_ScalesTheFinalGas()
    {
        var pouch = new GeneratedPouch(days: 4, TimeSpan.FromMinutes(10));

        // G ∝ V: a 60 ± 0.6 mL headspace gives 1 % of the final gas
        var final = PouchSummarizer.Summarize(pouch.Spec with { GasVolumeUncertaintyMl = 0.6 }, pouch.Inputs, pouch.Points, ReportOptions.Default).FinalMlPerG!;

        Assert.Equal(0.01 * final.Value, final.VolumeU, 12);
        Assert.Equal(0, final.EventsU);
    }

    [Fact]
    public void Summarize_BaselineWindowWithoutGasTemperatureGiven_TakesTheDefaultFromTheRipple()
    {
        // A ±1 K ripple of 30 min period in the readings: with a 2-h baseline window and no gasTemperatureUncertaintyK the
        // shift is the ripple's standard deviation over the window's readings (0.69 K) instead of 0.2 K; without the window
        // the fixed 0.2 K as before.
        var pouch = new GeneratedPouch(days: 2, TimeSpan.FromMinutes(1));
        var points = pouch.Points.Select(p => p with { TemperatureC = p.TemperatureC + Math.Sin(2 * Math.PI * (p.Time - GeneratedPouch.Start).TotalMinutes / 30) }).ToList();
        var windowed = pouch.Spec with { BaselineWindow = TimeSpan.FromHours(2) };
        ExperimentInputs Given(double? kelvin) => pouch.Inputs with
        {
            Experiment = pouch.Inputs.Experiment with { Settings = pouch.Inputs.Experiment.Settings with { GasTemperatureUncertaintyK = kelvin } },
        };
        double U(PouchSpec spec, double? kelvin) => PouchSummarizer.Summarize(spec, Given(kelvin), points, ReportOptions.Default).FinalMlPerG!.GasTemperatureU;

        Assert.Equal(U(pouch.Spec, ExperimentSettings.DefaultGasTemperatureUncertaintyK), U(pouch.Spec, null));
        double rippleK = RippleTemperature.GasTemperatureUncertaintyK(
            [.. points.TakeWhile(p => p.Time < GeneratedPouch.Start.AddHours(2)).Select(p => new PressureReading(p.Time, p.PressurePa, p.TemperatureC))]);
        Assert.InRange(rippleK, 0.6, 0.71);
        Assert.Equal(U(windowed, rippleK), U(windowed, null), 12);
        Assert.True(U(windowed, null) > 3 * U(windowed, ExperimentSettings.DefaultGasTemperatureUncertaintyK));
    }

    [Fact]
    public void Summarize_PouchWithABlank_AddsTheBlanksScaledUncertainty()
    {
        // The blank (the same generated series in a 30 mL vessel, read at the pouch's times: no interpolation part)
        // is summarised first; the 60 mL pouch's share of it carries twice the blank's u in mL.
        var pouch = new GeneratedPouch(days: 4, TimeSpan.FromMinutes(10), noisePa: 2);
        var blankSpec = pouch.Spec with { Id = "Z9", Vessel = Vessel.Headspace(30) };
        var blank = PouchSummarizer.Summarize(blankSpec, pouch.Inputs, pouch.Points, ReportOptions.Default);
        var series = new BlankSeries();
        pouch.Points.ForEach(series.Add);

        var alone = PouchSummarizer.Summarize(pouch.Spec, pouch.Inputs, pouch.Points, ReportOptions.Default).FinalMlPerG!;
        var final = PouchSummarizer.Summarize(pouch.Spec, pouch.Inputs, pouch.Points, ReportOptions.Default, (blankSpec, blank, series)).FinalMlPerG!;

        Assert.Equal(0, alone.BlankU);
        Assert.Equal(2 * blank.FinalMlPerG!.TotalU, final.BlankU, 12);
        Assert.Equal(Math.Sqrt((alone.TotalU * alone.TotalU) + (final.BlankU * final.BlankU)), final.TotalU, 12);
    }

    [Fact]
    public void Summarize_GasTemperatureUncertainty_ShiftsTheReadingsAfterTheBaseline()
    {
        var pouch = new GeneratedPouch(days: 4, TimeSpan.FromMinutes(10));

        var final = PouchSummarizer.Summarize(pouch.Spec, pouch.Inputs, pouch.Points, ReportOptions.Default).FinalMlPerG!;

        // The default 0.2 K moves the final N = (P − p_w(T))·V/(R·T): by N/T_K · 0.2 K from the ideal-gas part and, in the same
        // direction, by dp_w/dT · 0.2 K · V/(R·T) from the vapour: at least the first, within ten times it.
        double finalPa = GeneratedPouch.StartPa + (4 * GeneratedPouch.RisePaPerDay);
        double dryPa = finalPa - Analysis.WaterVapour.SaturationPressurePa(GeneratedPouch.TemperatureC);
        double expected = GeneratedPouch.MlPerG(dryPa) * 0.2 / (GeneratedPouch.TemperatureC + 273.15);
        Assert.InRange(final.GasTemperatureU, expected, 10 * expected);
    }
}
