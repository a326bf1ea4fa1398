using System.Text;

namespace PouchMonitor.Contracts.Tests;

public class DeviceConfigDecoderTests
{
    private const string Device = "esp32-3c71bf";

    [Fact]
    public void Decode_GoldenConfig_ReturnsSlots()
    {
        var result = DeviceConfigDecoder.Decode(Device, Golden.Bytes("config.json"));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal((7u, "1.0.0", 10, 10, 6144), (result.Value.Boot, result.Value.FirmwareVersion, result.Value.IntervalS, result.Value.PublishIntervalS, result.Value.BufferCapacity));
        Assert.Equal([new SensorSlot(0, 0, 0x76, null, SensorChip.Bme280), new SensorSlot(1, 0, 0x77, 3, SensorChip.Bmp280)], result.Value.Sensors);
    }

    [Theory]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":7,"fw":"1","intervalS":10,"publishIntervalS":10,"capacity":1,"sensors":[{"s":0,"bus":0,"addr":118,"chip":"bme680"}]}""", "'bme680' is neither")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":7,"fw":"1","intervalS":10,"publishIntervalS":10,"capacity":1,"sensors":[{"s":0,"bus":0,"addr":120,"chip":"bme280"}]}""", "$.sensors[0].addr = 120")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":7,"fw":"1","intervalS":10,"publishIntervalS":10,"capacity":1,"sensors":[{"s":1,"bus":0,"addr":118,"chip":"bme280"},{"s":1,"bus":1,"addr":118,"chip":"bme280"}]}""", "sensors[1].s = 1 does not follow 1")]
    public void Decode_BrokenConfig_RejectsWithReason(string payload, string reason)
    {
        var result = DeviceConfigDecoder.Decode(Device, Encoding.UTF8.GetBytes(payload));

        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }
}
