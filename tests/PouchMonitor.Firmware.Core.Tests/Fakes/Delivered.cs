using PouchMonitor.Contracts;

namespace PouchMonitor.Firmware.Core.Tests.Fakes;

/// <summary>What the host would see of a fake transport's publishes, decoded with the contract's strict decoders.</summary>
internal static class Delivered
{
    public static List<ReadingBatch> Batches(FakeTransport transport) =>
        transport.On("/readings").Select(p => Valid(ReadingBatchDecoder.Decode(Board.DeviceId, p.Payload))).ToList();

    /// <summary>(boot, seq) of every delivered reading, in delivery order, repeats included.</summary>
    public static List<(uint Boot, uint Sequence)> Keys(FakeTransport transport) =>
        Batches(transport).SelectMany(b => b.Readings.Select(r => (b.Boot, r.Sequence))).ToList();

    public static List<DeviceStatus> Statuses(FakeTransport transport) =>
        transport.On("/status").Select(p => Valid(DeviceStatusDecoder.Decode(Board.DeviceId, p.Payload))).ToList();

    private static T Valid<T>(DecodeResult<T> result)
        where T : class
    {
        Assert.True(result.IsValid, result.Error);
        return result.Value;
    }
}
