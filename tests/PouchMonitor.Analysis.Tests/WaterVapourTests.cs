using PouchMonitor.Analysis;

namespace PouchMonitor.Analysis.Tests;

public class WaterVapourTests
{
    [Theory]
    // docs/measurement-model.md: p_w(25 °C) = 3168.5 Pa, p_w(50 °C) = 12 349.4 Pa (Buck 1996)
    [InlineData(25.0, 3168.5)]
    [InlineData(50.0, 12_349.4)]
    // Buck (1996) at 0 °C is its constant term
    [InlineData(0.0, 611.21)]
    public void SaturationPressurePa_ReferenceTemperatures_MatchesBuck(double temperatureC, double expectedPa)
    {
        Assert.Equal(expectedPa, WaterVapour.SaturationPressurePa(temperatureC), 0.05);
    }
}
