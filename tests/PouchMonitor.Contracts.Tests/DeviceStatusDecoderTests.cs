using System.Text;

namespace PouchMonitor.Contracts.Tests;

public class DeviceStatusDecoderTests
{
    private const string Device = "esp32-3c71bf";

    [Fact]
    public void Decode_GoldenOnline_ReturnsHealth()
    {
        var result = DeviceStatusDecoder.Decode(Device, Golden.Bytes("status-online.json"));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(
            new DeviceStatus(Device, DeviceState.Online, 7, new DeviceHealth(
                "1.0.0", 123456, DateTimeOffset.FromUnixTimeMilliseconds(1762000000123), "power-on", 81234, -61, 12, 3, 10, 10)),
            result.Value);
    }

    [Fact]
    public void Decode_GoldenOffline_HasNoHealth()
    {
        var result = DeviceStatusDecoder.Decode(Device, Golden.Bytes("status-offline.json"));

        Assert.Equal(new DeviceStatus(Device, DeviceState.Offline, 7, null), result.Value);
    }

    [Theory]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","state":"offline","boot":7,"up":5}""", "$.up is not part of an offline status")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","state":"sleeping","boot":7}""", "neither online nor offline")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","state":"online","boot":7}""", "$.reset is missing")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","state":"online","boot":7,"fw":"1.0.0","up":1,"reset":"Power On","freeBytes":1,"rssiDbm":-61,"buffered":0,"dropped":0,"intervalS":10,"publishIntervalS":10}""", "not a reset reason token")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","state":"online","boot":7,"fw":"1.0.0","up":1,"reset":"power-on","freeBytes":1,"rssiDbm":3,"buffered":0,"dropped":0,"intervalS":10,"publishIntervalS":10}""", "$.rssiDbm = 3")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","state":"online","boot":7,"fw":"1.0.0","up":1,"reset":"power-on","freeBytes":1,"rssiDbm":-61,"buffered":0,"dropped":0,"intervalS":0,"publishIntervalS":10}""", "$.intervalS = 0")]
    public void Decode_BrokenStatus_RejectsWithReason(string payload, string reason)
    {
        var result = DeviceStatusDecoder.Decode(Device, Encoding.UTF8.GetBytes(payload));

        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }
}
