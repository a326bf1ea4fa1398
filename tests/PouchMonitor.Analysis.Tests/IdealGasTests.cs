using PouchMonitor.Analysis;

namespace PouchMonitor.Analysis.Tests;

public class IdealGasTests
{
    [Theory]
    // 1 mol of ideal gas: 24.465 L at 25 °C is 22.414 L at 0 °C (101.325 kPa; CODATA molar volume 22.413969 L)
    [InlineData(24_465.0, 25.0, 22_414.0)]
    public void MlFromMoles_RoomTemperatureVolume_MatchesMolarVolumeAtStandard(double volumeMl, double temperatureC, double expectedMl)
    {
        double moles = IdealGas.Moles(101_325, volumeMl, temperatureC);
        Assert.Equal(expectedMl, StandardConditions.Default.MlFromMoles(moles), 0.5);
    }

    [Fact]
    public void MlFromMoles_CustomStandard_UsesItsTemperatureAndPressure()
    {
        // 1 mol at 20 °C and 100 kPa: 8.314462618 · 293.15 / 100 000 m³ = 24 373.8 mL
        var standard = new StandardConditions(20, 100_000);
        Assert.Equal(24_373.8, standard.MlFromMoles(1), 0.1);
    }
}
