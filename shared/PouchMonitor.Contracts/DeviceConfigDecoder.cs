using System.Buffers;
using System.Text.Json;

namespace PouchMonitor.Contracts;

/// <summary>Strict host-side decoder of v1 configuration reports (see README.md, "Config").</summary>
public static class DeviceConfigDecoder
{
    private static readonly string[] Fields = ["v", "device", "boot", "fw", "intervalS", "publishIntervalS", "capacity", "sensors"];
    private static readonly string[] SlotFields = ["s", "bus", "addr", "mux", "chip"];

    /// <summary>Decodes a configuration report that arrived on the config topic of <paramref name="topicDeviceId"/>.</summary>
    public static DecodeResult<DeviceConfig> Decode(string topicDeviceId, ReadOnlySequence<byte> payload) =>
        StrictJson.Decode(topicDeviceId, payload, Fields, Read);

    /// <inheritdoc cref="Decode(string, ReadOnlySequence{byte})"/>
    public static DecodeResult<DeviceConfig> Decode(string topicDeviceId, ReadOnlyMemory<byte> payload) =>
        Decode(topicDeviceId, new ReadOnlySequence<byte>(payload));

    private static DeviceConfig Read(StrictObject o, string deviceId)
    {
        var slots = new List<SensorSlot>();
        var index = 0;
        foreach (var element in o.Array("sensors", 0, ContractV1.MaxSensorIndex + 1))
        {
            var slot = ReadSlot(element, o.PathOf("sensors", index++));
            if (slots.Count > 0 && slot.SensorIndex <= slots[^1].SensorIndex)
            {
                throw new ContractViolationException($"sensors[{index - 1}].s = {slot.SensorIndex} does not follow {slots[^1].SensorIndex}");
            }

            slots.Add(slot);
        }

        return new DeviceConfig(
            deviceId,
            Boot: (uint)o.Int64("boot", 0, uint.MaxValue),
            FirmwareVersion: o.String("fw"),
            IntervalS: (int)o.Int64("intervalS", ContractV1.MinIntervalS, ContractV1.MaxIntervalS),
            PublishIntervalS: (int)o.Int64("publishIntervalS", ContractV1.MinIntervalS, ContractV1.MaxIntervalS),
            BufferCapacity: (int)o.Int64("capacity", 1, int.MaxValue),
            Sensors: slots);
    }

    private static SensorSlot ReadSlot(JsonElement element, string path)
    {
        var o = new StrictObject(element, path, SlotFields);
        var chip = o.String("chip") switch
        {
            "bme280" => SensorChip.Bme280,
            "bmp280" => SensorChip.Bmp280,
            var other => throw new ContractViolationException($"{path}.chip = '{other}' is neither bme280 nor bmp280"),
        };
        return new SensorSlot(
            SensorIndex: (int)o.Int64("s", 0, ContractV1.MaxSensorIndex),
            Bus: (int)o.Int64("bus", 0, 1),
            Address: (int)o.Int64("addr", 0x76, 0x77),
            MuxChannel: (int?)o.OptionalInt64("mux", 0, 7),
            Chip: chip);
    }
}
