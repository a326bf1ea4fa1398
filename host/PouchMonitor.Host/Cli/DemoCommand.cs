using System.CommandLine;
using System.Globalization;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Demo;
using PouchMonitor.Simulator;

namespace PouchMonitor.Host.Cli;

/// <summary>
/// <c>pouchmon demo</c>: the host with its embedded broker, SQLite store and web app, and a virtual rig replaying the
/// seed experiment on one accelerated clock; prints the recovered values next to the seed's, then keeps serving.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Real time the default replay takes.</summary>
    public static readonly TimeSpan DefaultRealDuration = TimeSpan.FromMinutes(3);

    public static Command Create()
    {
        var speed = new Option<double?>("--speed") { Description = $"Simulated seconds per real second (default: 14 days in {DefaultRealDuration.TotalMinutes:0} minutes).", HelpName = "factor" };
        var data = new Option<string>("--data") { Description = "Data folder of the SQLite store (default: a new temporary folder).", HelpName = "folder" };
        var exit = new Option<bool>("--exit") { Description = "Stop after printing the results instead of serving until Ctrl+C." };
        var command = new Command("demo", "Replay the seed experiment (mSi in triplicate, mSi@NHC-700-5/-10/-20, a blank; 50 °C, 14 days) on virtual boards in a real oven against the embedded host; the web app's URL is printed.")
        {
            speed, data, exit,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(speed) ?? SeedExperiment.Duration.TotalSeconds / DefaultRealDuration.TotalSeconds,
            parse.GetValue(data) ?? Directory.CreateTempSubdirectory("pouchmon-demo-").FullName,
            parse.GetValue(exit),
            Console.Out,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(double speed, string dataFolder, bool exit, TextWriter output, CancellationToken cancellationToken)
    {
        if (!(speed >= 1))
        {
            await Console.Error.WriteLineAsync("pouchmon demo: --speed must be at least 1").ConfigureAwait(false);
            return PouchmonCommand.UsageError;
        }

        try
        {
            await using var session = await DemoSession.StartAsync(DemoSettings.SeedReplay(speed, Path.GetFullPath(dataFolder)), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"PouchMonitor demo: web app and API at {session.WebUrl} (embedded broker 127.0.0.1:{session.MqttPort}, data in {session.Settings.DataFolder}); sign in as {DemoSession.OperatorName} with {session.OperatorPassword} to acknowledge alerts").ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Replaying the seed experiment in a real oven (±0.25 K ripple, {session.Settings.Sensor.ThermalLag.TotalMinutes:0}-min sensor lag): {session.Rig.Pouches.Count} pouches on {session.Rig.Boards.Count} virtual boards, 14 days at ×{speed:0} (about {SeedExperiment.Duration.TotalMinutes / speed:0.0} min)")).ConfigureAwait(false);
            await session.Rig.RunScriptAsync(Script(session, output), cancellationToken).ConfigureAwait(false);
            await session.StopRigAsync(cancellationToken).ConfigureAwait(false);
            SeedReport.Print(SeedReport.Collect(session), output);
            if (!exit)
            {
                await output.WriteLineAsync($"Serving {session.WebUrl} until Ctrl+C").ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (TimeoutException e)
        {
            await Console.Error.WriteLineAsync($"pouchmon demo: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (ServeCommand.Describe(e) is { } reason)
        {
            await Console.Error.WriteLineAsync($"pouchmon demo: {reason}").ConfigureAwait(false);
            return PouchmonCommand.UsageError;
        }
    }

    private static IEnumerable<RigAction> Script(DemoSession session, TextWriter output)
    {
        var api = new HostApiClient(session.Api);
        foreach (var action in SeedExperiment.GcSamples(session.Rig, api))
        {
            yield return action;
        }

        for (var day = 1; day <= 14; day++)
        {
            var at = TimeSpan.FromDays(day);
            yield return new RigAction(at, $"day {day}", _ => output.WriteLineAsync(Progress(session, at)));
        }

        yield return new RigAction(SeedExperiment.Duration, "end", _ => Task.CompletedTask);
    }

    private static readonly string DayLineUnit = string.Create(
        CultureInfo.InvariantCulture,
        $" mL g⁻¹ slurry (dry gas at {StandardConditions.Default.TemperatureC} °C, {StandardConditions.Default.PressurePa / 1000} kPa)");

    private static string Progress(DemoSession session, TimeSpan at) =>
        string.Create(CultureInfo.InvariantCulture, $"day {at.TotalDays,2:0}: ") + string.Join("  ", session.Rig.Pouches.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p.Spec.Id} {session.Gas(p.Spec.Id).LastOrDefault()?.DryGasMlStdPerG ?? 0:0.00}")))
        + DayLineUnit;
}
