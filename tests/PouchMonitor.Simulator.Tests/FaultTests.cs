using PouchMonitor.Analysis;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Demo;
using PouchMonitor.TestSupport;

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
        // The boards start before the host, as in a lab; the host's start takes real time, hours on the rig's clock on
        // a busy machine. The faults begin on the next whole rig hour after the host has stored readings of both boards.
        await Waiting.UntilAsync(() => rig.Boards.All(board => session.Readings(board.DeviceId, 0).Count > 0),
            () => "the host stores readings of both boards", TimeSpan.FromMinutes(2), ct);
        var start = TimeSpan.FromHours(Math.Ceiling(rig.Elapsed.TotalHours));

        await rig.RunScriptAsync(
        [
            At(start, 0, () => a.Wifi.LinkUp = false),
            At(start, 4, () => a.Wifi.LinkUp = true),
            At(start, 6, b.Reboot),
            At(start, 8, () => a.Sensors[0].Unplugged = true),
            At(start, 10, () => a.Sensors[0].Unplugged = false),
            At(start, 12, () => b.Sensors[0].Stuck = true),
            At(start, 15, () => b.Sensors[0].Stuck = false),
            At(start, 18, () => rig.Oven.OverTemperatureC = 4),
            At(start, 20, () => rig.Oven.OverTemperatureC = 0),
            At(start, 22, () => rig.Pouch("A1").Vessel.LeakMlStdPerHour = 0.2),
            At(start, 30, () => rig.Pouch("A1").Vessel.LeakMlStdPerHour = 0),
            At(start, 44, () => { }),
        ], ct);
        await session.StopRigAsync(ct);

        var alerts = session.Alerts();
        double Hours(DateTimeOffset time) => (time - rig.StartedAt - start).TotalHours;
        AssertOpenedAndClosed(alerts, Hours, "A1", AlertKind.DeviceOffline, 0, 4);
        AssertOpenedAndClosed(alerts, Hours, "A1", AlertKind.SensorFault, 8, 10);
        AssertOpenedAndClosed(alerts, Hours, "B1", AlertKind.SensorFault, 12, 15);
        AssertOpenedAndClosed(alerts, Hours, "A1", AlertKind.OvenTemperature, 18, 20);
        AssertOpenedAndClosed(alerts, Hours, "B1", AlertKind.OvenTemperature, 18, 20);
        Assert.Contains(alerts, x => x.Pouch == "A1" && x.Kind == AlertKind.LeakSuspected && Hours(x.OpenedAt) is > 22 and < 30);
        Assert.DoesNotContain(alerts, x => x.Pouch == "B1" && x.Kind == AlertKind.LeakSuspected);
        Assert.Equal(2, session.Readings(b.DeviceId, 0).Select(r => r.Boot).Distinct().Count());
        foreach (var board in rig.Boards)
        {
            AssertEveryReadingStored(session, board);
        }
    }

    private static RigAction At(TimeSpan start, double hours, Action action) =>
        new(start + TimeSpan.FromHours(hours), $"at {hours} h", _ =>
        {
            action();
            return Task.CompletedTask;
        });

    // One alert, opened while the fault lasted and closed within 2 hours after it ended (hours from the faults' start).
    private static void AssertOpenedAndClosed(IReadOnlyList<Alert> alerts, Func<DateTimeOffset, double> hours, string pouch, AlertKind kind, double faultFromHours, double faultToHours)
    {
        var matching = alerts.Where(x => x.Pouch == pouch && x.Kind == kind && hours(x.OpenedAt) is var h && h >= faultFromHours && h <= faultToHours).ToList();
        Assert.True(matching.Count == 1, $"{matching.Count} {kind} alerts of {pouch} opened in {faultFromHours}–{faultToHours} h; all alerts: "
            + string.Join("; ", alerts.OrderBy(x => x.OpenedAt).Select(x => $"{x.Pouch} {x.Kind} {hours(x.OpenedAt):F2}–{(x.ClosedAt is { } c ? hours(c).ToString("F2") : "open")} h")));
        var closedAt = matching[0].ClosedAt;
        Assert.NotNull(closedAt);
        Assert.InRange(hours(closedAt.Value), faultFromHours, faultToHours + 2);
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
