namespace PouchMonitor.Contracts.Tests;

public class SensorFaultCodesTests
{
    [Fact]
    public void TryParse_EveryCode_RoundTrips()
    {
        foreach (var fault in Enum.GetValues<SensorFault>())
        {
            Assert.True(SensorFaultCodes.TryParse(SensorFaultCodes.ToCode(fault), out var parsed));
            Assert.Equal(fault, parsed);
        }
    }

    [Fact]
    public void TryParse_UnknownCode_ReturnsFalse()
    {
        Assert.False(SensorFaultCodes.TryParse("Stuck", out _));
    }
}
