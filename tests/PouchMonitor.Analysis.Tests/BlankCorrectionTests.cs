using PouchMonitor.Analysis;
using static PouchMonitor.Analysis.Tests.Pouches;

namespace PouchMonitor.Analysis.Tests;

public class BlankCorrectionTests
{
    private static readonly StandardConditions Std = StandardConditions.Default;

    [Fact]
    public void Apply_BlankNear_SubtractsItsScaledGasAndKeepsTheUncorrected()
    {
        // Blank (30 mL) 0.0 mL at 0 min, 0.2 mL at 20 min: 0.05 mL at 5 min; the 60 mL pouch's share is twice that, 0.1 mL.
        // Gas 1.0 → 0.9 mL; H₂ 0.4 mL at 50 % → 0.4 − 0.5 · 0.1 = 0.35 mL.
        var point = Apply(Point(5, 1.0, 0.4, 50));

        Assert.Equal(0.9, point.DryGasMlStd!.Value, 1e-12);
        Assert.Equal(0.9 / 1.1, point.DryGasMlStdPerG!.Value, 1e-12);
        Assert.Equal(0.35, point.H2MlStd!.Value, 1e-12);
        Assert.Equal(1.0, point.UncorrectedDryGasMlStd);
        Assert.Equal(0.4, point.UncorrectedH2MlStd);
        Assert.Equal(0.1, point.BlankDryGasMlStd!.Value, 1e-12);
        Assert.Equal(GasFlags.None, point.Flags);
    }

    [Fact]
    public void Apply_BlankReadingsFarAway_HoldsTheLastAndFlags()
    {
        // 40 min after the blank's last reading (tolerance 15 min): its 0.2 mL is held, share 0.4 mL
        var point = Apply(Point(60, 1.0, null, null));

        Assert.Equal(0.6, point.DryGasMlStd!.Value, 1e-12);
        Assert.Equal(GasFlags.BlankGap, point.Flags);
    }

    [Fact]
    public void Apply_BlankWithoutReadings_LeavesTheGasAndFlags()
    {
        var pouch = Headspace(60);
        var point = BlankCorrection.Apply(Point(5, 1.0, null, null), pouch, Vessel.Headspace(30), new BlankSeries(), Std);

        Assert.Equal(1.0, point.DryGasMlStd);
        Assert.Null(point.BlankDryGasMlStd);
        Assert.Equal(GasFlags.BlankGap, point.Flags);
    }

    [Fact]
    public void ShareUncertaintyMl_BlankAndInterpolation_AddInQuadratureScaledByVolumes()
    {
        // √(0.03² + 0.04²) = 0.05 mL in the 30 mL blank; the 60 mL pouch's share carries twice that
        double u = BlankCorrection.ShareUncertaintyMl(0.03, 0.04, Vessel.Headspace(60), Vessel.Headspace(30));

        Assert.Equal(0.1, u, 1e-12);
    }

    [Fact]
    public void InterpolationUncertaintyMl_BetweenReadings_IsTheStepOverRootTwelve()
    {
        var series = new BlankSeries();
        series.Add(Point(0, 0.0, null, null));
        series.Add(Point(20, 0.2, null, null));

        Assert.Equal(0.2 / Math.Sqrt(12), series.InterpolationUncertaintyMl(Start.AddMinutes(5)), 1e-12);
        Assert.Equal(0, series.InterpolationUncertaintyMl(Start.AddMinutes(20)));
        Assert.Equal(0, series.InterpolationUncertaintyMl(Start.AddMinutes(60)));
        Assert.Equal(0, new BlankSeries().InterpolationUncertaintyMl(Start));
    }

    private static GasPoint Apply(GasPoint point)
    {
        var series = new BlankSeries();
        series.Add(Point(0, 0.0, null, null));
        series.Add(Point(20, 0.2, null, null));
        return BlankCorrection.Apply(point, Headspace(60), Vessel.Headspace(30), series, Std);
    }

    private static GasPoint Point(double minutes, double gasMl, double? h2Ml, double? h2Percent) => new()
    {
        Time = Start.AddMinutes(minutes),
        PressurePa = 101_325,
        TemperatureC = 50,
        DryGasMlStd = gasMl,
        DryGasMlStdPerG = gasMl / 1.1,
        H2MlStd = h2Ml,
        H2Percent = h2Percent,
    };
}
