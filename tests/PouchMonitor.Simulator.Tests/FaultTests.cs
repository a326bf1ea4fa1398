using PouchMonitor.Analysis;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Demo;

namespace PouchMonitor.Simulator.Tests;

/// <summary>
/// Every fault the rig can script against the embedded host, one after the other on two boards: each gives its alert
/// and recovers, and every reading the boards made reaches the host (sequence numbers end to end). A broker restart is
/// tested against mosquitto (<see cref="SimulateTests"/>): the embedded broker lives and restarts with the host.
/// </summary>
public class FaultTests
{
    private static readonly GompertzKinetics Slow = new(0.5, 0.1, 0.5);

    [Fact]
    public async Task Faults_ScriptedOneAfterAnother_AlertAndRecoverWithoutLosingReadings()
    {
        var ct = TestContext.Current.CancellationToken;
        RigPouchSpec[] pouches =
        [
            new("A1", "mSi", "esp32-fault-a", 0, VesselKind.Headspace, 60, 1.1, Slow),
            new("B1", "mSi", "esp32-fault-b", 0, VesselKind.PouchInJar, 600, 1.1, Slow),
        ];
        await using var session = await Sessions.StartAsync(new DemoSettings
        {
            Pouches = pouches, Speed = 8000, DataFolder = Sessions.NewDataFolder(), Experiment = "faults", EventSettleMinutes = 0,
            Oven = () => new OvenProfile(50, 0.2, TimeSpan.FromMinutes(30)),
        });
        var rig = session.Rig;
        var a = rig.Board("esp32-fault-a");
        var b = rig.Board("esp32-fault-b");

        await rig.RunScriptAsync(
        [
            At(4, () => a.Wifi.LinkUp = false),
            At(8, () => a.Wifi.LinkUp = true),
            At(10, b.Reboot),
            At(12, () => a.Sensors[0].Unplugged = true),
            At(14, () => a.Sensors[0].Unplugged = false),
            At(16, () => b.Sensors[0].Stuck = true),
            At(19, () => b.Sensors[0].Stuck = false),
            At(22, () => rig.Oven.OverTemperatureC = 4),
            At(24, () => rig.Oven.OverTemperatureC = 0),
            At(26, () => rig.Pouch("A1").Vessel.LeakMlStdPerHour = 0.2),
            At(34, () => rig.Pouch("A1").Vessel.LeakMlStdPerHour = 0),
            At(48, () => { }),
        ], ct);
        await session.StopRigAsync(ct);

        var alerts = session.Alerts();
        AssertOpenedAndClosed(rig, alerts, "A1", AlertKind.DeviceOffline, 4, 8);
        AssertOpenedAndClosed(rig, alerts, "A1", AlertKind.SensorFault, 12, 14);
        AssertOpenedAndClosed(rig, alerts, "B1", AlertKind.SensorFault, 16, 19);
        AssertOpenedAndClosed(rig, alerts, "A1", AlertKind.OvenTemperature, 22, 24);
        AssertOpenedAndClosed(rig, alerts, "B1", AlertKind.OvenTemperature, 22, 24);
        Assert.Contains(alerts, x => x.Pouch == "A1" && x.Kind == AlertKind.LeakSuspected && Hours(rig, x.OpenedAt) is > 26 and < 34);
        Assert.DoesNotContain(alerts, x => x.Pouch == "B1" && x.Kind == AlertKind.LeakSuspected);
        Assert.Equal(2, session.Readings(b.DeviceId, 0).Select(r => r.Boot).Distinct().Count());
        foreach (var board in rig.Boards)
        {
            AssertEveryReadingStored(session, board);
        }
    }

    private static RigAction At(double hours, Action action) =>
        new(TimeSpan.FromHours(hours), $"at {hours} h", _ =>
        {
            action();
            return Task.CompletedTask;
        });

    private static double Hours(Rig rig, DateTimeOffset time) => (time - rig.StartedAt).TotalHours;

    // One alert, opened while the fault lasted and closed within 2 hours after it ended.
    private static void AssertOpenedAndClosed(Rig rig, IReadOnlyList<Alert> alerts, string pouch, AlertKind kind, double faultFromHours, double faultToHours)
    {
        var alert = Assert.Single(alerts, x => x.Pouch == pouch && x.Kind == kind && Hours(rig, x.OpenedAt) is var h && h >= faultFromHours && h <= faultToHours);
        Assert.NotNull(alert.ClosedAt);
        Assert.InRange(Hours(rig, alert.ClosedAt.Value), faultFromHours, faultToHours + 2);
    }

    // For each boot the host holds sequence numbers 0, 1, 2, … without a gap; only the last boot may miss the readings
    // still in the board's buffer when the rig stopped.
    private static void AssertEveryReadingStored(DemoSession session, VirtualBoard board)
    {
        var stored = session.Readings(board.DeviceId, 0).GroupBy(r => r.Boot).ToDictionary(g => g.Key, g => g.Select(r => r.Sequence).Order().ToList());
        var made = board.ReadingsByBoot;
        var lastBoot = made.Keys.Max();
        foreach (var (boot, count) in made)
        {
            var seqs = stored.GetValueOrDefault(boot, []);
            var firstGap = Enumerable.Range(0, seqs.Count).FirstOrDefault(i => seqs[i] != i, -1);
            Assert.True(firstGap < 0, $"{board.DeviceId} boot {boot}: {seqs.Count} stored of {count} made, first gap at {firstGap} (holds {(firstGap < 0 ? 0 : seqs[firstGap])})");
            if (boot == lastBoot)
            {
                Assert.InRange(seqs.Count, count - board.Buffered, count);
            }
            else
            {
                Assert.Equal((int)count, seqs.Count);
            }
        }
    }
}
