using PouchMonitor.Host.Demo;

namespace PouchMonitor.Simulator.Tests;

/// <summary>
/// The demo headless: the seed experiment replayed through virtual boards, the embedded broker and the host; the host
/// must recover the seed's figures (docs/seed-experiment.md).
/// </summary>
public class SeedReplayTests
{
    // The fastest the rig allows: each forced-mode read waits ~50 ms of real time in the driver, which must stay
    // under the 600 s sampling interval (50 ms × 8000 = 400 s).
    private const double Speed = 8000;

    [Fact]
    public async Task Demo_SeedExperiment_HostRecoversSeedFigures()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await Sessions.StartAsync(new DemoSettings { Speed = Speed, DataFolder = Sessions.NewDataFolder() });
        var api = new HostApiClient(session.Api);

        await session.Rig.RunScriptAsync(
            [.. SeedExperiment.GcSamples(session.Rig, api), new RigAction(SeedExperiment.Duration, "end", _ => Task.CompletedTask)], ct);
        await session.StopRigAsync(ct);
        var outcomes = SeedReport.Collect(session).ToDictionary(o => o.Sample);

        var bare = outcomes["mSi"];
        Assert.InRange(bare.GasMlStdPerG!.Value, 9.9, 10.5);
        Assert.InRange(bare.H2PercentByGcDay[3]!.Value, 72.4 - 3, 72.4 + 3);
        Assert.InRange(bare.H2PercentByGcDay[13]!.Value, 88.4 - 3, 88.4 + 3);
        // The alert comes from the first reading above the threshold: the sensor's IIR filter delays it by about
        // 3 samples (30 min), sampling by up to 10 min; noise could open it a few minutes early.
        Assert.NotNull(bare.SwellingCrossedAt);
        Assert.NotNull(bare.SwellingAlertAt);
        Assert.InRange(bare.SwellingAlertAt!.Value - bare.SwellingCrossedAt!.Value, TimeSpan.FromMinutes(-15), TimeSpan.FromHours(2));
        foreach (var coated in outcomes.Values.Where(o => o.Sample != "mSi"))
        {
            Assert.InRange(coated.GasMlStdPerG!.Value, -0.2, 0.2);
            Assert.Null(coated.SwellingAlertAt);
        }
    }
}
