using System.Text;
using PouchMonitor.Firmware.Core.Tests.Fakes;

namespace PouchMonitor.Firmware.Core.Tests;

public class MessageEncoderTests
{
    private readonly MessageEncoder _encoder = new(Board.DeviceId);

    [Fact]
    public void EndBatch_SyncedReadingsAndFault_EqualsGoldenFile()
    {
        _encoder.BeginBatch(7);
        _encoder.AddReading(Data(1042, 123456, 1762000000123, 0, 10132512, 5002));
        _encoder.AddReading(Data(1043, 123460, 1762000000127, 1, 9987650, 4998));
        _encoder.AddReading(Fault(1044, 123464, 1762000000131, 2, SensorFault.Stuck));

        Assert.Equal(Golden.Text("readings-synced.json"), Encoding.ASCII.GetString(_encoder.EndBatch()));
    }

    [Fact]
    public void EndBatch_UnsyncedReadingsAndEveryFault_EqualsGoldenFile()
    {
        _encoder.BeginBatch(8);
        _encoder.AddReading(Data(0, 2010, null, 0, 3000000, -4000));
        _encoder.AddReading(Fault(1, 2015, null, 1, SensorFault.ChipId));
        _encoder.AddReading(Fault(2, 2020, null, 14, SensorFault.I2c));
        _encoder.AddReading(Fault(3, 2024, null, 15, SensorFault.OutOfRange));
        _encoder.AddReading(Data(4, 12010, 1762000010000, 0, 11000000, 8500));

        Assert.Equal(Golden.Text("readings-unsynced.json"), Encoding.ASCII.GetString(_encoder.EndBatch()));
    }

    [Fact]
    public void AddReading_BeyondMaxBatch_Throws()
    {
        _encoder.BeginBatch(1);
        for (var i = 0; i < ContractLimits.MaxBatchReadings; i++)
        {
            _encoder.AddReading(Fault((uint)i, i, null, 0, SensorFault.I2c));
        }

        Assert.Throws<InvalidOperationException>(() => _encoder.AddReading(Fault(99, 99, null, 0, SensorFault.I2c)));
    }

    [Fact]
    public void EncodeOnline_Health_EqualsGoldenFile()
    {
        var health = new HealthSnapshot
        {
            UptimeMs = 123456, IsTimeSynced = true, UtcMs = 1762000000123, ResetReason = "power-on", FreeMemoryBytes = 81234,
            WifiRssiDbm = -61, Buffered = 12, Dropped = 3, IntervalS = 10, PublishIntervalS = 10,
        };

        Assert.Equal(Golden.Text("status-online.json"), Encoding.ASCII.GetString(_encoder.EncodeOnline(7, health)));
    }

    [Fact]
    public void EncodeOffline_Boot_EqualsGoldenFile()
    {
        Assert.Equal(Golden.Text("status-offline.json"), Encoding.ASCII.GetString(_encoder.EncodeOffline(7)));
    }

    [Fact]
    public void EncodeConfig_TwoSlots_EqualsGoldenFile()
    {
        SensorChannel[] sensors =
        [
            new(new FakeSensorPort(new SensorSlot(0, 0, 0x76, SensorSlot.NoMux, SensorChip.Bme280))),
            new(new FakeSensorPort(new SensorSlot(1, 0, 0x77, 3, SensorChip.Bmp280))),
        ];

        var payload = _encoder.EncodeConfig(7, new DeviceSettings(), 6144, sensors);

        Assert.Equal(Golden.Text("config.json"), Encoding.ASCII.GetString(payload));
    }

    private static Reading Data(uint sequence, long uptimeMs, long? utcMs, int sensorIndex, long pressureCentiPa, int temperatureCentiC) => new()
    {
        Sequence = sequence, UptimeMs = uptimeMs, IsTimeSynced = utcMs is not null, UtcMs = utcMs ?? 0,
        SensorIndex = sensorIndex, PressureCentiPa = pressureCentiPa, TemperatureCentiC = temperatureCentiC,
    };

    private static Reading Fault(uint sequence, long uptimeMs, long? utcMs, int sensorIndex, SensorFault fault) => new()
    {
        Sequence = sequence, UptimeMs = uptimeMs, IsTimeSynced = utcMs is not null, UtcMs = utcMs ?? 0,
        SensorIndex = sensorIndex, Fault = fault,
    };
}
