using PouchMonitor.Contracts;

namespace PouchMonitor.Firmware.Core.Tests;

public class ContractLimitsTests
{
    [Fact]
    public void Constants_Firmware_EqualTheContract()
    {
        Assert.Equal(ContractV1.Version, ContractLimits.Version);
        Assert.Equal(ContractV1.MaxSensorIndex, ContractLimits.MaxSensorIndex);
        Assert.InRange(ContractLimits.MaxBatchReadings, 1, ContractV1.MaxReadingsPerBatch);
        Assert.Equal(ContractV1.MinPressurePa * 100, ContractLimits.MinPressureCentiPa);
        Assert.Equal(ContractV1.MaxPressurePa * 100, ContractLimits.MaxPressureCentiPa);
        Assert.Equal(ContractV1.MinTemperatureC * 100, ContractLimits.MinTemperatureCentiC);
        Assert.Equal(ContractV1.MaxTemperatureC * 100, ContractLimits.MaxTemperatureCentiC);
        Assert.Equal(ContractV1.MinUnixTimeMs, ContractLimits.MinUnixTimeMs);
        Assert.Equal(ContractV1.MaxUnixTimeMs, ContractLimits.MaxUnixTimeMs);
        Assert.Equal(ContractV1.MinIntervalS, ContractLimits.MinIntervalS);
        Assert.Equal(ContractV1.MaxIntervalS, ContractLimits.MaxIntervalS);
        Assert.Equal(ContractV1.MaxIdentifyS, ContractLimits.MaxIdentifyS);
        Assert.Equal(DeviceId.MaxLength, ContractLimits.MaxDeviceIdLength);
    }

    [Fact]
    public void BufferBytes_LongestBatch_FitsAndStaysUnderPayloadLimit()
    {
        var encoder = new MessageEncoder(new string('a', ContractLimits.MaxDeviceIdLength));
        var longest = new Reading
        {
            Boot = uint.MaxValue, Sequence = uint.MaxValue, UptimeMs = long.MaxValue, IsTimeSynced = true,
            UtcMs = ContractLimits.MaxUnixTimeMs, SensorIndex = 15, PressureCentiPa = 10999999, TemperatureCentiC = -3999,
        };

        encoder.BeginBatch(uint.MaxValue);
        for (var i = 0; i < ContractLimits.MaxBatchReadings; i++)
        {
            encoder.AddReading(longest);
        }

        Assert.InRange(encoder.EndBatch().Length, 1, Math.Min(MessageEncoder.BufferBytes, ContractV1.MaxPayloadBytes));
    }
}
