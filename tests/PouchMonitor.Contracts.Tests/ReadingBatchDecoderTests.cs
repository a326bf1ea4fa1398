using System.Text;

namespace PouchMonitor.Contracts.Tests;

public class ReadingBatchDecoderTests
{
    private const string Device = "esp32-3c71bf";

    [Fact]
    public void Decode_GoldenSyncedBatch_ReturnsEveryField()
    {
        var result = ReadingBatchDecoder.Decode(Device, Golden.Bytes("readings-synced.json"));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(Device, result.Value.DeviceId);
        Assert.Equal(7u, result.Value.Boot);
        Assert.Equal(
            [
                new Reading(1042, 123456, DateTimeOffset.FromUnixTimeMilliseconds(1762000000123), 0, 101325.12, 50.02, null),
                new Reading(1043, 123460, DateTimeOffset.FromUnixTimeMilliseconds(1762000000127), 1, 99876.5, 49.98, null),
                new Reading(1044, 123464, DateTimeOffset.FromUnixTimeMilliseconds(1762000000131), 2, null, null, SensorFault.Stuck),
            ],
            result.Value.Readings);
    }

    [Fact]
    public void Decode_GoldenUnsyncedBatch_AcceptsRangeEdgesFaultsAndMissingTime()
    {
        var result = ReadingBatchDecoder.Decode(Device, Golden.Bytes("readings-unsynced.json"));

        Assert.True(result.IsValid, result.Error);
        var readings = result.Value.Readings;
        Assert.Equal([null, null, null, null, DateTimeOffset.FromUnixTimeMilliseconds(1762000010000)], readings.Select(r => r.Time));
        Assert.Equal([null, SensorFault.ChipId, SensorFault.I2c, SensorFault.OutOfRange, null], readings.Select(r => r.Fault));
        Assert.Equal((30000.0, -40.0), (readings[0].PressurePa!.Value, readings[0].TemperatureC!.Value));
        Assert.Equal((110000.0, 85.0), (readings[4].PressurePa!.Value, readings[4].TemperatureC!.Value));
    }

    [Theory]
    [InlineData("""{"v":2,"device":"esp32-3c71bf","boot":1,"readings":[]}""", "schema version 2")]
    [InlineData("""{"device":"esp32-3c71bf","boot":1,"readings":[]}""", "$.v is missing")]
    [InlineData("""{"v":1,"device":"esp32-000000","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":1e5,"c":50}]}""", "not the topic's")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[]}""", "$.readings has 0 items")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":-1,"readings":[{"seq":0,"up":1,"s":0,"p":1e5,"c":50}]}""", "$.boot = -1")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"extra":0,"readings":[{"seq":0,"up":1,"s":0,"p":1e5,"c":50}]}""", "$.extra is not a v1 field")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"boot":2,"readings":[{"seq":0,"up":1,"s":0,"p":1e5,"c":50}]}""", "not valid JSON")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":16,"p":1e5,"c":50}]}""", "$.readings[0].s = 16")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":29999.99,"c":50}]}""", "$.readings[0].p = 29999.99 is outside")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":1e5,"c":85.01}]}""", "$.readings[0].c = 85.01 is outside")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":1e5}]}""", "$.readings[0].c is missing")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":"1e5","c":50}]}""", "$.readings[0].p is a String")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1.5,"s":0,"p":1e5,"c":50}]}""", "$.readings[0].up = 1.5")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"t":1000,"s":0,"p":1e5,"c":50}]}""", "$.readings[0].t = 1000")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"fault":"smoke"}]}""", "'smoke' is not a v1 fault code")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":1e5,"c":50,"fault":"stuck"}]}""", "a fault reading carries no p or c")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":5,"up":1,"s":0,"p":1e5,"c":50},{"seq":5,"up":1,"s":1,"p":1e5,"c":50}]}""", "readings[1].seq = 5 does not follow 5")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[""", "not valid JSON")]
    [InlineData("""[1,2]""", "$ is not a JSON object")]
    public void Decode_BrokenPayload_RejectsWithReason(string payload, string reason)
    {
        var result = ReadingBatchDecoder.Decode(Device, Encoding.UTF8.GetBytes(payload));

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PayloadOverSizeLimit_RejectsBeforeParsing()
    {
        var payload = new byte[ContractV1.MaxPayloadBytes + 1];

        var result = ReadingBatchDecoder.Decode(Device, payload);

        Assert.Equal($"payload is {ContractV1.MaxPayloadBytes + 1} bytes, more than {ContractV1.MaxPayloadBytes}", result.Error);
    }

    [Fact]
    public void Decode_MoreReadingsThanLimit_Rejects()
    {
        var readings = string.Join(',', Enumerable.Range(0, ContractV1.MaxReadingsPerBatch + 1).Select(i => $$"""{"seq":{{i}},"up":1,"s":0,"fault":"i2c"}"""));
        var payload = $$"""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{{readings}}]}""";

        var result = ReadingBatchDecoder.Decode(Device, Encoding.UTF8.GetBytes(payload));

        Assert.Contains("$.readings has 129 items", result.Error, StringComparison.Ordinal);
    }
}
