using PouchMonitor.Contracts;
using PouchMonitor.Firmware.Core.Tests.Fakes;

namespace PouchMonitor.Firmware.Core.Tests;

public class FirmwareCoreTests
{
    private readonly Board _board = new();

    private FakeTransport Transport => _board.Transport;

    [Fact]
    public void Tick_FirstConnect_RegistersOfflineWillAndPublishesRetainedBirth()
    {
        _board.Run(1);

        Assert.Equal((Board.DeviceId, "pouchmon/v1/esp32-3c71bf/status", """{"v":1,"device":"esp32-3c71bf","state":"offline","boot":0}"""), Transport.LastConnect);
        Assert.Equal(["pouchmon/v1/esp32-3c71bf/cmd"], Transport.Subscriptions);
        var birth = Transport.On("/status").First();
        Assert.True(birth.Retain);
        var status = Delivered.Statuses(Transport)[0];
        Assert.Equal((DeviceState.Online, "power-on", 10), (status.State, status.Health!.ResetReason, status.Health.IntervalS));
    }

    [Fact]
    public void Tick_OverAMinute_SamplesEveryTenSecondsOnTheGrid()
    {
        _board.Run(60_000);

        var batches = Delivered.Batches(Transport);
        Assert.Equal([0L, 10_000, 20_000, 30_000, 40_000, 50_000], batches.Select(b => b.Readings[0].UptimeMs));
        Assert.All(batches, b => Assert.Equal([0, 1, 2, 3], b.Readings.Select(r => r.SensorIndex)));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => ((uint)0, (uint)i)), Delivered.Keys(Transport));
    }

    [Fact]
    public void Tick_LateByMoreThanAnInterval_SkipsMissedSlotsWithoutBurst()
    {
        _board.Run(1);
        _board.Clock.Advance(35_000);
        _board.Core.Tick();
        _board.Run(10_001);

        var uptimes = Delivered.Batches(Transport).Select(b => b.Readings[0].UptimeMs);
        Assert.Equal([0L, 35_001, 45_001], uptimes);
    }

    [Fact]
    public void Tick_BeforeAndAfterTimeSync_StampsUtcOnlyOnceSynced()
    {
        _board.Run(15_000);
        _board.Clock.SyncAt(1_762_000_000_000);
        _board.Run(10_000);

        var readings = Delivered.Batches(Transport).SelectMany(b => b.Readings).ToList();
        Assert.All(readings.Take(8), r => Assert.Null(r.Time));
        Assert.All(readings.Skip(8), r => Assert.Equal(1_762_000_000_000 + (r.UptimeMs - 15_000), r.Time!.Value.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void Tick_WaitsForClockBeforeTimeSync_ConnectsOnlyOnceSyncedWithoutBackoff()
    {
        _board.Core.Session.WaitsForClock = true;
        _board.Run(30_000);
        var attemptsUnsynced = Transport.ConnectAttempts;
        _board.Clock.SyncAt(1_762_000_000_000);
        _board.Run(MqttSession.ClockPollMs + 1);

        Assert.Equal((0, 1, true), (attemptsUnsynced, Transport.ConnectAttempts, _board.Core.Session.IsUp));
        Assert.All(Delivered.Statuses(Transport), s => Assert.NotNull(s.Health!.Time));
    }

    [Fact]
    public void Tick_NoAcknowledgement_ReadingsStayBufferedAndNothingElseIsSent()
    {
        Transport.AutoAck = false;

        _board.Run(25_000);

        Assert.Single(Transport.On("/readings"));
        Assert.Equal(12, _board.Core.Ring.Count);
        Assert.Equal(4, _board.Core.Ring.Pinned);
    }

    [Fact]
    public void Tick_AcknowledgedLate_ReleasesThenSendsTheRestOldestFirst()
    {
        Transport.AutoAck = false;
        _board.Run(25_000);

        Transport.Acknowledge(Transport.On("/readings").Single().MessageId);
        _board.Run(1);

        Assert.Equal(8, _board.Core.Ring.Count);
        var second = Delivered.Batches(Transport)[1];
        Assert.Equal(Enumerable.Range(4, 8).Select(i => (uint)i), second.Readings.Select(r => r.Sequence));
    }

    [Fact]
    public void Tick_AcknowledgementOverdue_ReconnectsAndSendsTheSameBatchAgain()
    {
        Transport.AutoAck = false;
        _board.Run(Publisher.DefaultAckTimeoutMs - 1_000);
        Transport.AutoAck = true;

        _board.Run(5_000);

        Assert.Equal(2, Transport.ConnectAttempts);
        var batches = Delivered.Batches(Transport);
        Assert.Equal(batches[0].Readings, batches[1].Readings.Take(batches[0].Readings.Count));
        Assert.Equal(0, _board.Core.Ring.Count);
        Assert.Equal(0, _board.Platform.Reboots);
    }

    [Fact]
    public void Tick_BrokerDownForAnHour_BuffersBacksOffAndDeliversEverythingInOrder()
    {
        _board.Run(20_000);
        Transport.BreakConnection();
        _board.Run(3_600_000);
        var attemptsWhileDown = Transport.ConnectAttempts;
        Transport.BrokerUp = true;

        _board.Run(400_000);

        // Backoff: 1 s doubling to 5 min, so an hour down costs about 20 attempts, not 3600.
        Assert.InRange(attemptsWhileDown, 10, 30);
        var keys = Delivered.Keys(Transport);
        Assert.Equal(Enumerable.Range(0, keys.Count).Select(i => ((uint)0, (uint)i)), keys.Distinct());
        Assert.True(keys.Count >= (3_600_000 + 400_000) / 10_000 * 4);
        Assert.Equal(0, _board.Core.Ring.Count);
        Assert.Equal(0, _board.Platform.Reboots);
    }

    [Fact]
    public void Start_AfterRebootWithBacklog_ReplaysOldBootFirstThenCountsNewBoot()
    {
        Transport.AutoAck = false;
        _board.Run(30_000);
        _board.Reboot();
        Transport.AutoAck = true;
        Transport.BrokerUp = true;

        _board.Run(20_000);

        Assert.Equal(1u, _board.Core.Boot);
        var keys = Delivered.Keys(Transport).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (0u, (uint)i)).Concat(Enumerable.Range(0, 8).Select(i => (1u, (uint)i))), keys);
    }

    [Fact]
    public void Tick_BufferOverflowsDuringOutage_DropsOldestAndReportsCount()
    {
        var board = new Board(sensors: 4, bufferCapacity: 40);
        board.Transport.BreakConnection();
        board.Run(200_000);
        board.Transport.BrokerUp = true;

        board.Run(400_000);

        // Readings are numbered from 0, so the first one delivered says how many were dropped before it.
        var keys = Delivered.Keys(board.Transport);
        var firstKept = (int)keys[0].Sequence;
        Assert.InRange(firstKept, 40, int.MaxValue);
        Assert.Equal(Enumerable.Range(firstKept, keys.Count).Select(i => (0u, (uint)i)), keys);
        Assert.Equal(firstKept, Delivered.Statuses(board.Transport).Last().Health!.Dropped);
        Assert.Equal(firstKept, board.Core.Ring.Dropped);
    }

    [Fact]
    public void Tick_Connected_PublishesStatusEveryMinuteWithHealth()
    {
        _board.Platform.WifiRssiDbm = -70;

        _board.Run(125_000);

        // Each status goes out right after a sample, whose 4 readings are buffered until the broker acknowledges them.
        var statuses = Delivered.Statuses(Transport);
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses, s => Assert.Equal((DeviceState.Online, -70, 81234L, 4), (s.State, s.Health!.WifiRssiDbm, s.Health.FreeMemoryBytes, s.Health.Buffered)));
        Assert.Equal([0L, 60_000, 120_000], statuses.Select(s => s.Health!.UptimeMs));
    }

    [Fact]
    public void Tick_SetIntervalCommand_ChangesCadencePersistsAndReportsConfig()
    {
        _board.Run(1);
        Transport.Deliver("pouchmon/v1/esp32-3c71bf/cmd", """{"v":1,"cmd":"set-interval","intervalS":30,"publishIntervalS":60}""");
        _board.Run(100_000);

        var config = DeviceConfigDecoder.Decode(Board.DeviceId, Transport.On("/config").Single().Payload);
        Assert.Equal((30, 60), (config.Value!.IntervalS, config.Value.PublishIntervalS));
        // Samples every 30 s; with a 60 s publish interval the 90 s sample still waits in the buffer.
        var sampleTimes = Delivered.Batches(Transport).SelectMany(b => b.Readings).Select(r => r.UptimeMs).Distinct();
        Assert.Equal([0L, 30_000, 60_000], sampleTimes);
        Assert.Equal(4, _board.Core.Ring.Count);

        _board.Reboot();
        Assert.Equal((30, 60), (_board.Core.Settings.IntervalS, _board.Core.Settings.PublishIntervalS));
    }

    [Fact]
    public void Tick_RetainedOrMalformedCommand_Ignored()
    {
        _board.Run(1);
        Transport.Deliver("pouchmon/v1/esp32-3c71bf/cmd", """{"v":1,"cmd":"reboot"}""", retained: true);
        Transport.Deliver("pouchmon/v1/esp32-3c71bf/cmd", """{"v":1,"cmd":"reboot","please":1}""");
        Transport.Deliver("pouchmon/v1/esp32-other/cmd", """{"v":1,"cmd":"reboot"}""");

        _board.Run(10_000);

        Assert.Equal(0, _board.Platform.Reboots);
        Assert.Single(Delivered.Statuses(Transport));
    }

    [Fact]
    public void Tick_RebootCommand_SaysOfflineRebootsAndNextBootReportsCommand()
    {
        _board.Run(1);
        Transport.Deliver("pouchmon/v1/esp32-3c71bf/cmd", """{"v":1,"cmd":"reboot"}""");

        _board.Run(FirmwareCore.RebootDelayMs + 10);
        var statuses = Delivered.Statuses(Transport);
        _board.Reboot();
        _board.Run(1);

        Assert.True(Transport.ConnectAttempts >= 2);
        Assert.Equal(DeviceState.Offline, statuses[^1].State);
        Assert.Equal(1, statuses.Count(s => s.State == DeviceState.Offline));
        Assert.Equal("command", Delivered.Statuses(Transport)[^1].Health!.ResetReason);
    }

    [Fact]
    public void Tick_IdentifyAndReportConfigCommands_Executed()
    {
        _board.Run(1);
        Transport.Deliver("pouchmon/v1/esp32-3c71bf/cmd", """{"v":1,"cmd":"identify","durationS":15}""");
        Transport.Deliver("pouchmon/v1/esp32-3c71bf/cmd", """{"v":1,"cmd":"report-config"}""");

        _board.Run(1);

        Assert.Equal([15], _board.Platform.Identifications);
        var config = DeviceConfigDecoder.Decode(Board.DeviceId, Transport.On("/config").Single().Payload);
        Assert.Equal([0, 1, 2, 3], config.Value!.Sensors.Select(s => s.SensorIndex));
        Assert.Equal(5760, config.Value.BufferCapacity);
    }

    [Fact]
    public void Tick_SensorFault_PublishedAsFaultNotData()
    {
        _board.Sensors[2].InitResult = SensorInit.WrongChipId;

        _board.Run(1);

        var readings = Delivered.Batches(Transport)[0].Readings;
        Assert.Equal(new Contracts.SensorFault?[] { null, null, Contracts.SensorFault.ChipId, null }, readings.Select(r => r.Fault));
        Assert.Null(readings[2].PressurePa);
    }

    [Fact]
    public void Tick_StorageWriteFails_SampleIsNotRetriedEveryTick()
    {
        _board.BufferFlash.CutPowerAfter(0);

        Assert.Throws<IOException>(() => _board.Core.Tick());
        _board.Core.Tick();

        // The failed sample used its 4 sequence numbers: the host sees the gap, the device does not spin on its flash.
        Assert.Equal(4u, _board.Core.NextSequence);
        Assert.Empty(Transport.On("/readings"));
    }

    [Fact]
    public void IsHung_TicksKeepComing_FalseEvenWithBrokerAndSensorsGone()
    {
        Transport.BreakConnection();
        _board.Sensors[0].FailingReads = int.MaxValue;

        _board.Run(3_600_000);

        Assert.False(_board.Core.IsHung());
    }

    [Fact]
    public void IsHung_NoTickForThreeIntervalsPlusAllowance_True()
    {
        _board.Core.Tick();

        _board.Clock.Advance((3 * 10_000) + WatchdogPolicy.BlockingAllowanceMs);
        var atLimit = _board.Core.IsHung();
        _board.Clock.Advance(1);

        Assert.False(atLimit);
        Assert.True(_board.Core.IsHung());
    }

    [Fact]
    public void Tick_PlatformResetReasonNotAToken_ReportsUnknown()
    {
        _board.Reboot(resetReason: "Brown \"out\"");

        _board.Run(1);

        Assert.Equal("unknown", Delivered.Statuses(Transport)[^1].Health!.ResetReason);
    }

    [Fact]
    public void Constructor_SensorIndexesNotIncreasing_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new FirmwareCore(Board.DeviceId, [new FakeSensorPort(1), new FakeSensorPort(1)], new FakeFlash(1024), new FakeFlash(64), Transport, new FakeClock(), new FakePlatform(), new Random(1), Board.Mac));
    }

    [Fact]
    public void Constructor_InvalidDeviceId_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new FirmwareCore("alerts", [new FakeSensorPort(0)], new FakeFlash(1024), new FakeFlash(64), Transport, new FakeClock(), new FakePlatform(), new Random(1), Board.Mac));
    }
}
