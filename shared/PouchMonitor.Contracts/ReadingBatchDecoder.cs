using System.Buffers;
using System.Text.Json;

namespace PouchMonitor.Contracts;

/// <summary>Strict host-side decoder of v1 reading batches (see README.md, "Readings").</summary>
public static class ReadingBatchDecoder
{
    private static readonly string[] BatchFields = ["v", "device", "boot", "readings"];
    private static readonly string[] ReadingFields = ["seq", "up", "t", "s", "p", "c", "fault"];

    /// <summary>Decodes a batch that arrived on the readings topic of <paramref name="topicDeviceId"/>.</summary>
    /// <returns>The batch, or the reason it breaks the contract (size, JSON, version, device id, a field or a range).</returns>
    public static DecodeResult<ReadingBatch> Decode(string topicDeviceId, ReadOnlySequence<byte> payload) =>
        StrictJson.Decode(topicDeviceId, payload, BatchFields, ReadBatch);

    /// <inheritdoc cref="Decode(string, ReadOnlySequence{byte})"/>
    public static DecodeResult<ReadingBatch> Decode(string topicDeviceId, ReadOnlyMemory<byte> payload) =>
        Decode(topicDeviceId, new ReadOnlySequence<byte>(payload));

    private static ReadingBatch ReadBatch(StrictObject root, string deviceId)
    {
        var boot = (uint)root.Int64("boot", 0, uint.MaxValue);
        var readings = new List<Reading>();
        var index = 0;
        foreach (var element in root.Array("readings", 1, ContractV1.MaxReadingsPerBatch))
        {
            var reading = ReadReading(element, root.PathOf("readings", index++));
            if (readings.Count > 0 && reading.Sequence <= readings[^1].Sequence)
            {
                throw new ContractViolationException($"readings[{index - 1}].seq = {reading.Sequence} does not follow {readings[^1].Sequence}");
            }

            readings.Add(reading);
        }

        return new ReadingBatch(deviceId, boot, readings);
    }

    private static Reading ReadReading(JsonElement element, string path)
    {
        var o = new StrictObject(element, path, ReadingFields);
        var sequence = (uint)o.Int64("seq", 0, uint.MaxValue);
        var uptimeMs = o.Int64("up", 0, ContractV1.MaxUptimeMs);
        var timeMs = o.OptionalInt64("t", ContractV1.MinUnixTimeMs, ContractV1.MaxUnixTimeMs);
        var time = timeMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        var sensorIndex = (int)o.Int64("s", 0, ContractV1.MaxSensorIndex);
        var faultCode = o.OptionalString("fault");
        if (faultCode is null)
        {
            var pressurePa = o.Double("p", ContractV1.MinPressurePa, ContractV1.MaxPressurePa);
            var temperatureC = o.Double("c", ContractV1.MinTemperatureC, ContractV1.MaxTemperatureC);
            return new Reading(sequence, uptimeMs, time, sensorIndex, pressurePa, temperatureC, null);
        }

        if (!SensorFaultCodes.TryParse(faultCode, out var fault))
        {
            throw new ContractViolationException($"{path}.fault = '{faultCode}' is not a v1 fault code");
        }

        if (o.Has("p") || o.Has("c"))
        {
            throw new ContractViolationException($"{path} has a fault and data; a fault reading carries no p or c");
        }

        return new Reading(sequence, uptimeMs, time, sensorIndex, null, null, fault);
    }
}
