using PouchMonitor.Analysis;

namespace PouchMonitor.Analysis.Tests;

/// <summary>The worked numbers of docs/measurement-model.md, to the digits printed there.</summary>
public class WorkedNumbersTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Vessel Headspace60 = Vessel.Headspace(60.0, wet: true);

    [Fact]
    public void DryGasMoles_Baseline_Is1_986936e3Mol()
    {
        var baseline = new PressureReading(Start, 101_325, 50.0);
        Assert.Equal(1.986936e-3, Headspace60.DryGasMoles(baseline, baseline), 1e-9);
    }

    [Fact]
    public void DryGasMoles_Later_Is2_091334e3Mol()
    {
        var baseline = new PressureReading(Start, 101_325, 50.0);
        var later = new PressureReading(Start.AddDays(1), 106_000, 50.0);
        Assert.Equal(2.091334e-3, Headspace60.DryGasMoles(later, baseline), 1e-9);
    }

    [Fact]
    public void Calculator_WorkedExample_Gives2_33999MlStd()
    {
        var pouch = new PouchSpec("P1", "mSi", 1.0, null, null, Headspace60);
        var calculator = new PouchGasCalculator(pouch, ExperimentSettings.Default, [], new GasCompositionTimeline([], []));
        var points = new List<GasPoint>();

        calculator.Add(new PressureReading(Start, 101_325, 50.0), points);
        calculator.Add(new PressureReading(Start.AddDays(1), 106_000, 50.0), points);

        Assert.Equal(0.0, points[0].DryGasMlStd);
        Assert.Equal(2.33999, points[1].DryGasMlStd!.Value, 5e-6);
        // G = 1.043986e-4 mol, back from mL at 0 °C and 101 325 Pa
        Assert.Equal(1.043986e-4, IdealGas.Moles(101_325, points[1].DryGasMlStd!.Value, 0), 1e-10);
    }
}
