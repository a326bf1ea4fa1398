using System.Buffers;

namespace PouchMonitor.Contracts;

/// <summary>Strict host-side decoder of v1 status messages (see README.md, "Status").</summary>
public static class DeviceStatusDecoder
{
    private static readonly string[] Fields =
    [
        "v", "device", "state", "boot", "fw", "up", "t", "reset", "freeBytes", "rssiDbm", "buffered", "dropped",
        "intervalS", "publishIntervalS",
    ];

    private static readonly string[] OfflineFields = ["v", "device", "state", "boot"];

    /// <summary>Decodes a status message that arrived on the status topic of <paramref name="topicDeviceId"/>.</summary>
    public static DecodeResult<DeviceStatus> Decode(string topicDeviceId, ReadOnlySequence<byte> payload) =>
        StrictJson.Decode(topicDeviceId, payload, Fields, Read);

    /// <inheritdoc cref="Decode(string, ReadOnlySequence{byte})"/>
    public static DecodeResult<DeviceStatus> Decode(string topicDeviceId, ReadOnlyMemory<byte> payload) =>
        Decode(topicDeviceId, new ReadOnlySequence<byte>(payload));

    private static DeviceStatus Read(StrictObject o, string deviceId)
    {
        var boot = (uint)o.Int64("boot", 0, uint.MaxValue);
        var state = o.String("state");
        if (state == "offline")
        {
            foreach (var field in Fields)
            {
                if (Array.IndexOf(OfflineFields, field) < 0 && o.Has(field))
                {
                    throw new ContractViolationException($"$.{field} is not part of an offline status");
                }
            }

            return new DeviceStatus(deviceId, DeviceState.Offline, boot, null);
        }

        if (state != "online")
        {
            throw new ContractViolationException($"$.state = '{state}' is neither online nor offline");
        }

        return new DeviceStatus(deviceId, DeviceState.Online, boot, ReadHealth(o));
    }

    private static DeviceHealth ReadHealth(StrictObject o)
    {
        var resetReason = o.String("reset");
        if (!DeviceId.IsValid(resetReason))
        {
            throw new ContractViolationException($"$.reset = '{resetReason}' is not a reset reason token");
        }

        var timeMs = o.OptionalInt64("t", ContractV1.MinUnixTimeMs, ContractV1.MaxUnixTimeMs);
        return new DeviceHealth(
            FirmwareVersion: o.String("fw"),
            UptimeMs: o.Int64("up", 0, ContractV1.MaxUptimeMs),
            Time: timeMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            ResetReason: resetReason,
            FreeMemoryBytes: o.Int64("freeBytes", 0, long.MaxValue),
            WifiRssiDbm: (int)o.Int64("rssiDbm", -127, 0),
            Buffered: (int)o.Int64("buffered", 0, int.MaxValue),
            Dropped: o.Int64("dropped", 0, long.MaxValue),
            IntervalS: (int)o.Int64("intervalS", ContractV1.MinIntervalS, ContractV1.MaxIntervalS),
            PublishIntervalS: (int)o.Int64("publishIntervalS", ContractV1.MinIntervalS, ContractV1.MaxIntervalS));
    }
}
