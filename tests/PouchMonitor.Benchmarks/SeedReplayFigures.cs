using System.Globalization;
using PouchMonitor.Host.Demo;
using PouchMonitor.Simulator;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// The demo's seed replay headless (triplicate bare mSi, three coated samples and a blank in the realistic oven,
/// through virtual boards, the embedded broker and the host), at the speed the replay test runs; prints what the host
/// recovered next to the seed paper's figures.
/// </summary>
internal static class SeedReplayFigures
{
    private const double Speed = 8000;

    public static async Task<bool> RunAsync()
    {
        string folder = Directory.CreateTempSubdirectory("pouchmon-targets-seed-").FullName;
        try
        {
            var settings = DemoSettings.SeedReplay(Speed, folder) with { PreferredHttpPort = FreePort.Next(), PreferredMqttPort = FreePort.Next() };
            await using var session = await DemoSession.StartAsync(settings, CancellationToken.None).ConfigureAwait(false);
            var api = new HostApiClient(session.Api);
            await session.Rig.RunScriptAsync(
                [.. SeedExperiment.GcSamples(session.Rig, api), new RigAction(SeedExperiment.Duration, "end", _ => Task.CompletedTask)], CancellationToken.None).ConfigureAwait(false);
            await session.StopRigAsync(CancellationToken.None).ConfigureAwait(false);
            var outcomes = SeedReport.Collect(session);
            SeedReport.Print(outcomes, Console.Out);
            return Print(outcomes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool Print(IReadOnlyList<PouchOutcome> outcomes)
    {
        var bare = outcomes.Where(o => o.Sample == "mSi").ToList();
        double gas = bare.Average(o => o.GasMlStdPerG!.Value);
        double sd = Math.Sqrt(bare.Sum(o => Math.Pow(o.GasMlStdPerG!.Value - gas, 2)) / (bare.Count - 1));
        double worstVsTruth = bare.Max(o => Math.Abs(o.GasMlStdPerG!.Value - o.TrueGasMlStdPerG));
        double h2Day3 = bare.Average(o => o.H2PercentByGcDay[3]!.Value), h2Day13 = bare.Average(o => o.H2PercentByGcDay[13]!.Value);
        bool met = Math.Abs(gas - 10.2) <= 0.3 && worstVsTruth <= 0.3
            && bare.All(o => Math.Abs(o.H2PercentByGcDay[3]!.Value - 72.4) <= 3 && Math.Abs(o.H2PercentByGcDay[13]!.Value - 88.4) <= 3);
        Console.WriteLine(Invariant($"seed replay (demo rig, speed {Speed:0}): bare mSi day 14 {gas:F2} ± {sd:F2} mL g⁻¹ slurry (mean ± SD of 3; target 10.2 ± 0.3),"));
        Console.WriteLine(Invariant($"  each within {worstVsTruth:F3} mL g⁻¹ of its rig truth (target 0.3); H₂ day 3 {h2Day3:F1} %, day 13 {h2Day13:F1} % (seed 72.4 ± 2.1 %, 88.4 ± 1.4 %; target ± 3 %)"));
        return met;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
