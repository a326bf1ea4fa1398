using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// The fault matrix of issue 11: the virtual rig's boards (the firmware core) against <c>pouchmon serve</c> as a real
/// process, through the embedded broker or mosquitto with deploy/mosquitto/pouchmon.conf, one fault in the middle of
/// the run. Each case prints and asserts readings lost (by sequence numbers end to end), duplicated, and the largest
/// difference of the stored gas curves from the undisturbed conversion of what the boards sent: 0, 0, 0.
/// The single probes these build on stay where they are (AcknowledgementTests, MosquittoConfigTests, InfluxMirrorTests,
/// LateReadingsTests, ReadingStoreTests, the simulator's FaultTests and SimulateTests).
/// </summary>
[Collection(nameof(ReliabilityCollection))]
public sealed class FaultMatrixTests
{
    private const string Suite = "fault matrix";

    // Short: 2 boards × 2 sensors at ×7200 (a rig hour in 0.5 s); long: 6 boards × 4 sensors at ×3600. A board reads
    // its sensors through the BME280 driver, which waits some 45 ms of real time per sensor: at these speeds a round
    // takes about 11 rig minutes, so the boards sample every 15 min. A flash buffer holds more than any outage here.
    private static readonly FaultRigOptions Size = SuiteSize.Pick(
        new FaultRigOptions { DataFolder = "", Boards = 2, SensorsPerBoard = 2, IntervalS = 900, Speed = 7_200 },
        new FaultRigOptions { DataFolder = "", Boards = 6, SensorsPerBoard = 4, IntervalS = 900, Speed = 3_600 });

    private static readonly TimeSpan Before = TimeSpan.FromHours(SuiteSize.Pick(3, 12));
    private static readonly TimeSpan After = TimeSpan.FromHours(SuiteSize.Pick(3, 12));

    [Theory]
    [InlineData("none (the reference run)", TestBroker.Embedded)]
    [InlineData("host kill -9", TestBroker.Embedded)]
    [InlineData("host kill -9", TestBroker.Mosquitto)]
    [InlineData("broker restart", TestBroker.Mosquitto)]
    [InlineData("broker kill -9", TestBroker.Mosquitto)]
    [InlineData("time-series database down 1 h", TestBroker.Embedded)]
    [InlineData("board offline 24 h, then flushing", TestBroker.Embedded)]
    [InlineData("every batch sent twice", TestBroker.Embedded)]
    [InlineData("board clocks 30 days behind the host, one steps back 29 min", TestBroker.Embedded)]
    public async Task Fault_InjectedMidRun_NothingLostNorDuplicatedAndGasAsUndisturbed(string fault, string broker)
    {
        using var folder = new TempFolder();
        var options = Size with
        {
            DataFolder = folder.Path,
            Broker = broker,
            Mirror = fault.StartsWith("time-series", StringComparison.Ordinal),
            BoardClockAhead = fault.StartsWith("board clocks", StringComparison.Ordinal) ? -TimeSpan.FromDays(30) : Size.BoardClockAhead,
        };
        await using var run = await FaultRig.StartAsync(options);
        await run.UntilAsync(Before);
        var recovered = await InjectAsync(run, fault);
        await run.UntilAsync(recovered + After);

        await ReportAsync(run, $"{fault} ({broker} broker)");
    }

    [Fact]
    public async Task Fault_DiskFullForAnHour_NothingLostNorDuplicatedAndGasAsUndisturbed()
    {
        using var disk = SmallFilesystem.TryMount(out var reason);
        if (disk is null)
        {
            Assert.Skip(reason);
        }

        await using var run = await FaultRig.StartAsync(Size with { DataFolder = Path.Combine(disk.Path, "data") });
        await run.UntilAsync(Before);
        disk.Fill();
        await run.UntilAsync(Before + TimeSpan.FromHours(1));
        disk.Free();
        await run.UntilAsync(Before + TimeSpan.FromHours(1) + After);

        await ReportAsync(run, "disk full 1 h, data folder on a 64-MB tmpfs (embedded broker)");
    }

    // Injects the fault and ends it; returns the rig time it ended at.
    private static async Task<TimeSpan> InjectAsync(FaultRig run, string fault)
    {
        var board = run.Rig.Boards.First();
        switch (fault)
        {
            case "host kill -9":
                run.KillHost();
                await run.StartHostAsync();
                break;
            case "broker restart":
                run.Mosquitto!.Stop();
                await run.Mosquitto.StartAsync();
                break;
            case "broker kill -9":
                run.Mosquitto!.Kill();
                await run.Mosquitto.StartAsync();
                break;
            case "time-series database down 1 h":
                run.Victoria!.Stop();
                await run.UntilAsync(run.RunTime + TimeSpan.FromHours(1));
                await run.Victoria.StartAsync();
                break;
            case "board offline 24 h, then flushing":
                board.Wifi.LinkUp = false;
                await run.UntilAsync(run.RunTime + TimeSpan.FromHours(24));
                board.Wifi.LinkUp = true;
                break;
            case "every batch sent twice":
                foreach (var each in run.Rig.Boards)
                {
                    run.Transport(each.DeviceId).SendTwice = true;
                }

                break;
            case "board clocks 30 days behind the host, one steps back 29 min":
                // Not a whole number of sampling intervals, so no reading lands on the time of an earlier one.
                board.Clock.UtcOffset = -TimeSpan.FromMinutes(29);
                break;
            default:
                Assert.Equal("none (the reference run)", fault);
                break;
        }

        return run.RunTime;
    }

    private static async Task ReportAsync(FaultRig run, string testCase)
    {
        var figures = await run.FinishAsync();
        Figures.Add(Suite, testCase, figures.ToString());
        Assert.True(figures.IsClean, $"{testCase}: {figures}");
    }
}
