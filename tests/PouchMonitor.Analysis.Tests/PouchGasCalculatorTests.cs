using PouchMonitor.Analysis;
using static PouchMonitor.Analysis.Tests.Pouches;

namespace PouchMonitor.Analysis.Tests;

public class PouchGasCalculatorTests
{
    private static readonly StandardConditions Std = StandardConditions.Default;

    [Fact]
    public void Add_BeforeBaselineAt_IsPreBaselineWithoutGas()
    {
        var calculator = Calculator(Headspace(baselineAt: Start.AddHours(1)));

        var points = Run(calculator, [At(0, 101_000), At(1, 101_000), At(2, 101_500)]);

        Assert.Equal(GasFlags.PreBaseline, points[0].Flags);
        Assert.Null(points[0].DryGasMlStd);
        Assert.Equal(GasFlags.Baseline, points[1].Flags);
        Assert.Equal(0.0, points[1].DryGasMlStd);
        Assert.True(points[2].DryGasMlStd > 0);
    }

    [Fact]
    public void Add_SampleEvent_AddsBackTheRemovedGas()
    {
        // 1 mmol of dry gas, 0.1 mmol made by hour 1, 0.3 mmol drawn at hour 1.5, 0.1 mmol more made by hour 2
        double volumeMl = 40;
        var calculator = Calculator(Headspace(volumeMl), [new VesselEvent(Start.AddHours(1.5), VesselEventKind.Sample)]);

        var points = Run(calculator, [
            At(0, HeadspacePressurePa(1.0e-3, volumeMl)),
            At(1, HeadspacePressurePa(1.1e-3, volumeMl)),
            At(2, HeadspacePressurePa(0.9e-3, volumeMl)),
        ]);

        // The event loses what was made between its two readings: ΔN = 1.1 − 0.9 mmol, so G(2 h) = 0.1 mmol.
        Assert.Equal(Std.MlFromMoles(0.1e-3), points[2].DryGasMlStd!.Value, 1e-9);
        Assert.Equal(GasFlags.Event, points[2].Flags);
    }

    [Fact]
    public void Add_EventWithSettleTime_SettlingReadingsWaitAndCountTheEvent()
    {
        double volumeMl = 40;
        var settings = ExperimentSettings.Default with { EventSettle = TimeSpan.FromMinutes(30) };
        var calculator = Calculator(Headspace(volumeMl), [new VesselEvent(Start.AddHours(1), VesselEventKind.Vent)], settings: settings);
        var points = new List<GasPoint>();

        calculator.Add(At(0, HeadspacePressurePa(1.0e-3, volumeMl)), points);
        calculator.Add(At(0.9, HeadspacePressurePa(1.2e-3, volumeMl)), points);
        calculator.Add(At(1.1, HeadspacePressurePa(0.5e-3, volumeMl)), points); // vapour not yet back: under-reads
        int beforeSettled = points.Count;
        calculator.Add(At(1.6, HeadspacePressurePa(0.6e-3, volumeMl)), points);

        Assert.Equal(2, beforeSettled);
        Assert.Equal(4, points.Count);
        Assert.Equal(GasFlags.Event | GasFlags.Settling, points[2].Flags);
        Assert.Equal(GasFlags.None, points[3].Flags);
        // ΔN = N(0.9 h) − N(1.6 h) = 0.6 mmol; the settled reading has G = 0.6 − 1.0 + 0.6 = 0.2 mmol
        Assert.Equal(Std.MlFromMoles(0.2e-3), points[3].DryGasMlStd!.Value, 1e-9);
        // the settling reading already counts the event: 0.5 − 1.0 + 0.6 = 0.1 mmol
        Assert.Equal(Std.MlFromMoles(0.1e-3), points[2].DryGasMlStd!.Value, 1e-9);
    }

    [Fact]
    public void Complete_DataEndsWhileSettling_LastReadingTakenAsSettled()
    {
        double volumeMl = 40;
        var settings = ExperimentSettings.Default with { EventSettle = TimeSpan.FromHours(1) };
        var calculator = Calculator(Headspace(volumeMl), [new VesselEvent(Start.AddHours(1), VesselEventKind.Vent)], settings: settings);

        var points = Run(calculator, [
            At(0, HeadspacePressurePa(1.0e-3, volumeMl)),
            At(0.5, HeadspacePressurePa(1.1e-3, volumeMl)),
            At(1.2, HeadspacePressurePa(0.5e-3, volumeMl)),
            At(1.4, HeadspacePressurePa(0.6e-3, volumeMl)),
        ]);

        Assert.Equal(4, points.Count);
        Assert.Equal(Std.MlFromMoles(0.1e-3), points[3].DryGasMlStd!.Value, 1e-9);
    }

    [Fact]
    public void Add_TwoEventsBetweenTheSameReadings_CountOnce()
    {
        double volumeMl = 40;
        VesselEvent[] events = [new(Start.AddHours(1.2), VesselEventKind.Vent), new(Start.AddHours(1.4), VesselEventKind.Sample)];
        var calculator = Calculator(Headspace(volumeMl), events);

        var points = Run(calculator, [
            At(0, HeadspacePressurePa(1.0e-3, volumeMl)),
            At(1, HeadspacePressurePa(1.1e-3, volumeMl)),
            At(2, HeadspacePressurePa(0.7e-3, volumeMl)),
        ]);

        Assert.Equal(Std.MlFromMoles(0.1e-3), points[2].DryGasMlStd!.Value, 1e-9);
    }

    [Fact]
    public void Add_EventAtOrBeforeBaseline_IsIgnored()
    {
        double volumeMl = 40;
        var calculator = Calculator(Headspace(volumeMl, baselineAt: Start.AddHours(1)), [new VesselEvent(Start.AddHours(0.5), VesselEventKind.Vent)]);

        var points = Run(calculator, [
            At(0, HeadspacePressurePa(1.5e-3, volumeMl)),
            At(1, HeadspacePressurePa(1.0e-3, volumeMl)),
            At(2, HeadspacePressurePa(1.1e-3, volumeMl)),
        ]);

        Assert.Equal(Std.MlFromMoles(0.1e-3), points[2].DryGasMlStd!.Value, 1e-9);
        Assert.DoesNotContain(points, p => p.Flags.HasFlag(GasFlags.Event));
    }

    [Fact]
    public void Add_OlderThanPrevious_Throws()
    {
        var calculator = Calculator(Headspace());
        var points = new List<GasPoint>();
        calculator.Add(At(1, 101_000), points);

        var error = Assert.Throws<ArgumentException>(() => calculator.Add(At(0, 101_000), points));
        Assert.Contains("older than the previous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NaNPressure_Throws()
    {
        var calculator = Calculator(Headspace());

        Assert.Throws<ArgumentException>(() => calculator.Add(At(0, double.NaN), []));
    }

    [Theory]
    [InlineData(104_499, false)]
    [InlineData(104_501, true)]
    public void Add_PressureNearSensorLimit_IsFlaggedAbove95Percent(double pressurePa, bool flagged)
    {
        var calculator = Calculator(Headspace());

        var points = Run(calculator, [At(0, 101_000), At(1, pressurePa)]);

        Assert.Equal(flagged, points[1].Flags.HasFlag(GasFlags.NearSensorLimit));
    }

    [Fact]
    public void Add_GcResults_InterpolatesAndHoldsWithBasis()
    {
        var calculator = Calculator(Headspace(), gc: [Gc(2, 40), Gc(4, 80)]);

        var points = Run(calculator, [At(0, 101_000), At(1, 101_100), At(2, 101_200), At(3, 101_300), At(5, 101_400)]);

        Assert.Equal([0.0, 20.0, 40.0, 60.0, 80.0], points.Select(p => p.H2Percent!.Value));
        Assert.Equal(
            [H2Basis.Measured, H2Basis.Interpolated, H2Basis.Measured, H2Basis.Interpolated, H2Basis.Extrapolated],
            points.Select(p => p.H2Basis!.Value));
    }

    [Fact]
    public void Add_GcResultAtBaseline_ReplacesTheZeroAssumption()
    {
        var calculator = Calculator(Headspace(), gc: [Gc(0, 10), Gc(2, 30)]);

        var points = Run(calculator, [At(0, 101_000), At(1, 101_100)]);

        Assert.Equal(10.0, points[0].H2Percent);
        Assert.Equal(20.0, points[1].H2Percent);
    }

    [Fact]
    public void Add_NoGcResults_LeavesH2Empty()
    {
        var points = Run(Calculator(Headspace()), [At(0, 101_000), At(1, 101_100)]);

        Assert.All(points, p => Assert.Null(p.H2MlStd));
        Assert.All(points, p => Assert.Null(p.H2Basis));
    }

    [Fact]
    public void Add_SampleAfterGc_CountsRemovedHydrogenAtTheEventsFraction()
    {
        double volumeMl = 40;
        var calculator = Calculator(Headspace(volumeMl), [new VesselEvent(Start.AddHours(2), VesselEventKind.Sample)], [Gc(2, 50)]);

        var points = Run(calculator, [
            At(0, HeadspacePressurePa(1.0e-3, volumeMl)),
            At(1, HeadspacePressurePa(1.2e-3, volumeMl)),
            At(3, HeadspacePressurePa(0.8e-3, volumeMl)),
        ]);

        // H(3 h) = 50 % · 0.8 mmol in the vessel + 50 % · 0.4 mmol drawn
        Assert.Equal(Std.MlFromMoles(0.6e-3), points[2].H2MlStd!.Value, 1e-9);
    }

    [Fact]
    public void Add_PouchInJar_ComputesSwellingFromJarCompression()
    {
        // jar 200 mL at 100 kPa, 50 °C: a jar pressure of 100.5 kPa at the same temperature means the jar gas
        // shrank to 200 · 100 / 100.5 mL, i.e. the pouch grew by 200 · (1 − 100/100.5) = 0.995025 mL
        var calculator = Calculator(PouchInJar(200, 1));

        var points = Run(calculator, [At(0, 100_000), At(1, 100_500)]);

        Assert.Equal(0.0, points[0].SwellingMl);
        Assert.Equal(200 * (1 - (100.0 / 100.5)), points[1].SwellingMl!.Value, 1e-9);
        Assert.Equal(points[1].SwellingMl!.Value / 1.1, points[1].SwellingMlPerG!.Value, 1e-12);
    }

    [Fact]
    public void Add_Headspace_HasNoSwelling()
    {
        var points = Run(Calculator(Headspace()), [At(0, 101_000), At(1, 101_100)]);

        Assert.All(points, p => Assert.Null(p.SwellingMl));
    }

    [Fact]
    public void Add_ActiveMassGiven_ReportsPerGramActive()
    {
        var points = Run(Calculator(Headspace(activeMassG: 0.08)), [At(0, 101_000), At(1, 102_000)]);

        Assert.Equal(points[1].DryGasMlStd!.Value / 0.08, points[1].DryGasMlStdPerGActive!.Value, 1e-12);
        Assert.Equal(points[1].DryGasMlStd!.Value / 1.1, points[1].DryGasMlStdPerG!.Value, 1e-12);
    }
}
