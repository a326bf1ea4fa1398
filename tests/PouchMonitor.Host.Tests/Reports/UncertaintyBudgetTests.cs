using PouchMonitor.Analysis;
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
