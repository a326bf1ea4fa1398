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

    [Theory]
    [InlineData("""{"v":1,"device":"esp32-3c71bf\ud800","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":1e5,"c":50}]}""")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"fault":"\udc00"}]}""")]
    [InlineData("""{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":1e5,"c":50,"\ud800":1}]}""")]
    public void Decode_LoneSurrogateInString_RejectsAsInvalidText(string payload)
    {
        var result = ReadingBatchDecoder.Decode(Device, Encoding.UTF8.GetBytes(payload));

        Assert.False(result.IsValid);
        Assert.StartsWith("not valid UTF-8 text", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("device")]
    [InlineData("fault")]
    public void Decode_InvalidUtf8InString_RejectsWithReason(string field)
    {
        var text = field == "device"
            ? """{"v":1,"device":"esp32-3c71bfX","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":1e5,"c":50}]}"""
            : """{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"fault":"X"}]}""";
        var payload = Encoding.UTF8.GetBytes(text);
        payload[Array.IndexOf(payload, (byte)'X')] = 0xFF;

        var result = ReadingBatchDecoder.Decode(Device, payload);

        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public void Decode_UptimeBeyondContractSpan_RejectsSoPlacedTimesStayInRange()
    {
        // up = 1e15 and a reading without t: placing it (t0 + up - up0) would leave DateTimeOffset's range.
        var payload = """
            {"v":1,"device":"esp32-3c71bf","boot":1,"readings":[
            {"seq":0,"up":1000000000000000,"t":1762000000000,"s":0,"p":1e5,"c":50},{"seq":1,"up":0,"s":0,"p":1e5,"c":50}]}
            """;

        var result = ReadingBatchDecoder.Decode(Device, Encoding.UTF8.GetBytes(payload));

        Assert.Equal($"$.readings[0].up = 1000000000000000 is not an integer in 0..{ContractV1.MaxUptimeMs}", result.Error);
    }

    [Fact]
    public void MaxUptimeMs_FromEitherEndOfTimeRange_PlacesWithinDateTimeOffset()
    {
        var placedMs = ContractV1.MinUnixTimeMs - ContractV1.MaxUptimeMs;
        var latestMs = ContractV1.MaxUnixTimeMs + ContractV1.MaxUptimeMs;

        Assert.Equal(1940, DateTimeOffset.FromUnixTimeMilliseconds(placedMs).Year);
        Assert.Equal(2180, DateTimeOffset.FromUnixTimeMilliseconds(latestMs).Year);
    }

    [Fact]
    public void Decode_PressureBeyondDouble_RejectsWithReason()
    {
        var payload = """{"v":1,"device":"esp32-3c71bf","boot":1,"readings":[{"seq":0,"up":1,"s":0,"p":1e400,"c":50}]}""";

        var result = ReadingBatchDecoder.Decode(Device, Encoding.UTF8.GetBytes(payload));

        Assert.Contains("$.readings[0].p = 1e400 is outside", result.Error, StringComparison.Ordinal);
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
