using PouchMonitor.Analysis;
using static PouchMonitor.Analysis.Tests.Pouches;

namespace PouchMonitor.Analysis.Tests;

public class WindowBaselineTests
{
    private const double VolumeMl = 40;
    private static readonly StandardConditions Std = StandardConditions.Default;

    [Fact]
    public void Add_BaselineWindow_BaselineIsTheWindowsMeanAndItsPointsWait()
    {
        var settings = ExperimentSettings.Default with { BaselineWindow = TimeSpan.FromHours(1) };
        var calculator = Calculator(Headspace(VolumeMl), settings: settings);
        var points = new List<GasPoint>();

        // 0.9, 1.2 and 0.9 mmol in the window [0 h, 1 h): mean 1.0 mmol; the reading at 1 h closes it
        foreach (var (hours, mmol) in new[] { (0.0, 0.9), (0.25, 1.2), (0.5, 0.9) })
        {
            calculator.Add(At(hours, HeadspacePressurePa(mmol * 1e-3, VolumeMl)), points);
        }

        int waiting = points.Count;
        calculator.Add(At(1, HeadspacePressurePa(1.3e-3, VolumeMl)), points);

        Assert.Equal(0, waiting);
        Assert.Equal(4, points.Count);
        Assert.Equal(GasFlags.Baseline, points[0].Flags);
        // G(1 h) = 1.3 − 1.0 = 0.3 mmol (one baseline reading would give 1.3 − 0.9 = 0.4 mmol)
        Assert.Equal(Std.MlFromMoles(0.3e-3), points[3].DryGasMlStd!.Value, 1e-9);
        Assert.Equal(Std.MlFromMoles(0.2e-3), points[1].DryGasMlStd!.Value, 1e-9);
    }

    [Fact]
    public void Add_PouchBaselineWindow_OverridesTheExperiments()
    {
        var pouch = Headspace(VolumeMl) with { BaselineWindow = TimeSpan.Zero };
        var settings = ExperimentSettings.Default with { BaselineWindow = TimeSpan.FromHours(1) };

        var points = Run(Calculator(pouch, settings: settings), [
            At(0, HeadspacePressurePa(0.9e-3, VolumeMl)), At(0.5, HeadspacePressurePa(1.2e-3, VolumeMl)),
        ]);

        Assert.Equal(Std.MlFromMoles(0.3e-3), points[1].DryGasMlStd!.Value, 1e-9);
    }

    [Theory]
    // N(t) = 1.0 + 0.1 t mmol (t in h), every 0.5 h; a sample at 2.25 h draws 0.3 mmol; windows of 1 h.
    // Baseline: readings at 0 and 0.5 h, mean 1.025 mmol. Before: 1.0, 1.5, 2.0 h, mean 1.15 mmol at 1.5 h,
    // slope 0.1 mmol/h. After: 2.5 and 3.0 h, mean 1.275 − 0.3 = 0.975 mmol at 2.75 h.
    // hold: ΔN = 1.15 − 0.975 = 0.175 mmol; G(4 h) = 1.1 − 1.025 + 0.175 = 0.25 mmol (0.125 mmol made meanwhile lost).
    // extrapolate: ΔN = 1.15 + 0.1 · 1.25 − 0.975 = 0.3 mmol; G(4 h) = 0.375 mmol, the truth 0.1 · (4 − 0.25).
    [InlineData(EventGap.Hold, 0.25e-3)]
    [InlineData(EventGap.Extrapolate, 0.375e-3)]
    public void Add_EventWindows_AverageAndCarryTheTrendAcrossTheGap(EventGap gap, double expectedMoles)
    {
        var settings = ExperimentSettings.Default with { BaselineWindow = TimeSpan.FromHours(1), EventGap = gap };
        var calculator = Calculator(Headspace(VolumeMl), [new VesselEvent(Start.AddHours(2.25), VesselEventKind.Sample)], settings: settings);
        var readings = Enumerable.Range(0, 9).Select(i => i * 0.5)
            .Select(t => At(t, HeadspacePressurePa((1.0 + (0.1 * t) - (t > 2.25 ? 0.3 : 0)) * 1e-3, VolumeMl)));

        var points = Run(calculator, readings);

        Assert.Equal(9, points.Count);
        Assert.Equal(Std.MlFromMoles(expectedMoles), points[^1].DryGasMlStd!.Value, 1e-9);
        Assert.Equal(GasFlags.Event, points[5].Flags);
    }

    [Fact]
    public void Add_PouchInJarBaselineWindow_AveragesTheJarGas()
    {
        var settings = ExperimentSettings.Default with { BaselineWindow = TimeSpan.FromHours(1) };

        // Jar readings 100 000 and 100 200 Pa at 50 °C: P0 = 100 100 Pa. At 100 100 Pa the pouch has not swollen.
        var points = Run(Calculator(PouchInJar(200, 0), settings: settings), [At(0, 100_000), At(0.5, 100_200), At(1, 100_100)]);

        Assert.Equal(0, points[2].SwellingMl!.Value, 1e-9);
    }
}
