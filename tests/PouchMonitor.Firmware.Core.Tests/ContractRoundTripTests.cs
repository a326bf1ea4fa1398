using CsCheck;
using PouchMonitor.Contracts;
using PouchMonitor.Firmware.Core.Tests.Fakes;

namespace PouchMonitor.Firmware.Core.Tests;

/// <summary>The firmware's encoder and the host's decoder agree on every reading the firmware can make.</summary>
public class ContractRoundTripTests
{
    private static readonly Gen<Reading> GenReading = Gen.Select(
        Gen.Long[0, ContractV1.MaxUptimeMs],
        Gen.Bool,
        Gen.Long[ContractLimits.MinUnixTimeMs, ContractLimits.MaxUnixTimeMs],
        Gen.Int[0, ContractLimits.MaxSensorIndex],
        Gen.Long[ContractLimits.MinPressureCentiPa, ContractLimits.MaxPressureCentiPa],
        Gen.Int[ContractLimits.MinTemperatureCentiC, ContractLimits.MaxTemperatureCentiC],
        Gen.Int[0, 4],
        (uptimeMs, synced, utcMs, sensor, pressure, temperature, fault) => new Reading
        {
            UptimeMs = uptimeMs, IsTimeSynced = synced, UtcMs = synced ? utcMs : 0, SensorIndex = sensor,
            PressureCentiPa = pressure, TemperatureCentiC = temperature, Fault = (Core.SensorFault)fault,
        });

    private static readonly Gen<(uint Boot, uint FirstSequence, Reading[] Readings)> GenBatch = Gen.Select(
        Gen.UInt,
        Gen.UInt[0, uint.MaxValue - ContractLimits.MaxBatchReadings],
        GenReading.Array[1, ContractLimits.MaxBatchReadings]);

    [Fact]
    public void Decode_RandomFirmwareBatches_ReturnsEveryReadingExactly()
    {
        var encoder = new MessageEncoder(Board.DeviceId);
        var total = 0;

        GenBatch.Sample(batch =>
        {
            encoder.BeginBatch(batch.Boot);
            for (var i = 0; i < batch.Readings.Length; i++)
            {
                batch.Readings[i].Boot = batch.Boot;
                batch.Readings[i].Sequence = batch.FirstSequence + (uint)i;
                encoder.AddReading(batch.Readings[i]);
            }

            var decoded = ReadingBatchDecoder.Decode(Board.DeviceId, encoder.EndBatch());

            Assert.True(decoded.IsValid, decoded.Error);
            Assert.Equal(batch.Boot, decoded.Value.Boot);
            Assert.Equal(batch.Readings.Select(Expected), decoded.Value.Readings);
            total += batch.Readings.Length;
        }, iter: 500, threads: 1);

        Assert.True(total > 5000, $"{total} readings");
    }

    private static Contracts.Reading Expected(Reading r)
    {
        var time = r.IsTimeSynced ? DateTimeOffset.FromUnixTimeMilliseconds(r.UtcMs) : (DateTimeOffset?)null;
        return r.Fault == Core.SensorFault.None
            ? new Contracts.Reading(r.Sequence, r.UptimeMs, time, r.SensorIndex, r.PressureCentiPa / 100.0, r.TemperatureCentiC / 100.0, null)
            : new Contracts.Reading(r.Sequence, r.UptimeMs, time, r.SensorIndex, null, null, (Contracts.SensorFault)((int)r.Fault - 1));
    }
}
