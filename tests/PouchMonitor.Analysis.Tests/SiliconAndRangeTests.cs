using PouchMonitor.Analysis;
using static PouchMonitor.Analysis.Tests.Pouches;

namespace PouchMonitor.Analysis.Tests;

public class SiliconAndRangeTests
{
    private static readonly StandardConditions Std = StandardConditions.Default;

    [Theory]
    // 1 g Si: 2 / 28.0855 mol H₂ · 22 413.97 mL/mol (R · 273.15 K / 101 325 Pa) = 1596.124 mL at 0 °C, 101.325 kPa
    [InlineData(1596.124, 1.0, 1.0)]
    // 0.04 g Si and 10 mL H₂: 10 / (0.04 · 1596.124) = 0.156630
    [InlineData(10, 0.04, 0.156630)]
    public void ConvertedFraction_KnownH2_MatchesTheStoichiometry(double h2MlStd, double siliconG, double expected)
    {
        Assert.Equal(expected, Silicon.ConvertedFraction(h2MlStd, siliconG, Std), 1e-6);
    }

    [Theory]
    // margin: 0.05 mL + 2 % of 1.0 mL = 0.07 mL
    [InlineData(1.2, true)]
    [InlineData(1.05, false)]
    public void WithChecks_H2AboveTheEvolvedGas_IsFlaggedPastTheMargin(double h2Ml, bool flagged)
    {
        var point = new GasPoint { Time = Start, PressurePa = 1e5, TemperatureC = 50, DryGasMlStd = 1.0, H2MlStd = h2Ml };

        var checkedPoint = GasChecks.WithChecks(point, Headspace() with { SiliconMassG = 0.04 }, Std);

        Assert.Equal(flagged, checkedPoint.Flags.HasFlag(GasFlags.H2AboveEvolved));
        Assert.Equal(h2Ml / 0.04, checkedPoint.H2MlStdPerGSilicon!.Value, 1e-12);
    }

    [Theory]
    // 1.1 g · 10.2 mL/g = 11.22 mL std = 5.005807e-4 mol. Headspace 60 mL: 101 325 + n · R · 323.15 K / 60 mL = 123 741.2 Pa.
    // Pouch in a 100 mL jar (V_p0 = 0, wet): root of V·P² − (V·p_w + n·R·T + P0·V_jar)·P + P0·V_jar·p_w = 116 371.4 Pa; 20 mL: 173 719.9 Pa
    [InlineData("headspace", 60, 123_741.16)]
    [InlineData("pouch-in-jar", 100, 116_371.43)]
    [InlineData("pouch-in-jar", 20, 173_719.88)]
    public void PressureAtExpectedGasPa_BarePouch_MatchesHandValues(string kind, double volumeMl, double expectedPa)
    {
        var vessel = kind == "headspace" ? Vessel.Headspace(volumeMl) : Vessel.PouchInJar(volumeMl);
        var pouch = new PouchSpec("P1", "mSi", 1.1, null, null, vessel);

        Assert.Equal(expectedPa, SetUpRange.PressureAtExpectedGasPa(pouch, Std), 0.01);
    }

    [Fact]
    public void Warning_PastTheSensorsRange_SaysSo()
    {
        var pouch = new PouchSpec("P1", "mSi", 1.1, null, null, Vessel.PouchInJar(20));

        Assert.Equal(
            "pouch P1: 10.2 mL g⁻¹ slurry (mL at 0 °C, 101.325 kPa) in its 20 mL vessel would reach 173.7 kPa at 50 °C, past the sensor's 110 kPa: "
            + "use a larger vessel or less slurry, or vent it (expectedGasMlPerG sets the gas expected)",
            SetUpRange.Warning(pouch, Std));
        Assert.Null(SetUpRange.Warning(pouch with { ExpectedGasMlPerG = 0.5 }, Std));
    }
}
