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
        await using var session = await Sessions.StartAsync(DemoSettings.SeedReplay(Speed, Sessions.NewDataFolder()));
        var api = new HostApiClient(session.Api);

        await session.Rig.RunScriptAsync(
            [.. SeedExperiment.GcSamples(session.Rig, api), new RigAction(SeedExperiment.Duration, "end", _ => Task.CompletedTask)], ct);
        await session.StopRigAsync(ct);
        var outcomes = SeedReport.Collect(session);

        var bare = outcomes.Where(o => o.Sample == "mSi").ToList();
        string recovered = string.Join("; ", outcomes.Select(o => $"{o.Pouch} {o.GasMlStdPerG:F3} (truth {o.TrueGasMlStdPerG:F3})"));
        Assert.Equal(3, bare.Count);
        Assert.True(Math.Abs(bare.Average(o => o.GasMlStdPerG!.Value) - 10.2) <= 0.3, recovered);
        foreach (var pouch in bare)
        {
            Assert.True(Math.Abs(pouch.GasMlStdPerG!.Value - pouch.TrueGasMlStdPerG) <= 0.3, recovered);
            Assert.InRange(pouch.H2PercentByGcDay[3]!.Value, 72.4 - 3, 72.4 + 3);
            Assert.InRange(pouch.H2PercentByGcDay[13]!.Value, 88.4 - 3, 88.4 + 3);
            // The alert comes from the first reading above the threshold: the sensor's IIR filter delays it by about
            // 3 samples (30 min), sampling by up to 10 min; the ripple seen through the sensor's lag moves the
            // swelling (±0.06 mL g⁻¹ with 1 min, ±0.16 with 3), up to ±2 h at the crossing's rate of 2 mL g⁻¹ d⁻¹.
            Assert.NotNull(pouch.SwellingCrossedAt);
            Assert.NotNull(pouch.SwellingAlertAt);
            Assert.InRange(pouch.SwellingAlertAt!.Value - pouch.SwellingCrossedAt!.Value, TimeSpan.FromHours(-2.5), TimeSpan.FromHours(3));
        }

        foreach (var other in outcomes.Where(o => o.Sample != "mSi"))
        {
            Assert.True(Math.Abs(other.GasMlStdPerG!.Value - other.TrueGasMlStdPerG) <= 0.2, recovered);
            Assert.Null(other.SwellingAlertAt);
        }
    }
}
