using System.CommandLine;
using PouchMonitor.Simulator;

namespace PouchMonitor.Host.Cli;

/// <summary>
/// <c>pouchmon simulate</c>: the seed replay's virtual boards against any MQTT broker, so a lab can test its own
/// deployment (broker, logins, ACL, host) before wiring sensors.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var broker = UriOption("--broker", "The broker, mqtt://host:port.", "uri");
        broker.Required = true;
        var username = new Option<string>("--username") { Description = "Login of every board (default: each board's device id, as the embedded broker and the ACL in docs/host.md expect).", HelpName = "name" };
        var password = new Option<string>("--password") { Description = "Password of every board.", HelpName = "secret" };
        var api = UriOption("--api", "The host's HTTP API (for example http://localhost:5000/): GC samples are posted there as events and results, with the operator's API token from the environment variable POUCHMON_TOKEN.", "url");
        var experimentOut = new Option<string>("--write-experiment") { Description = "Write the experiment file the host needs for these boards to this path.", HelpName = "file" };
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per real second (default 1; above 1 the readings run ahead of the host's clock).", DefaultValueFactory = _ => 1, HelpName = "factor" };
        var command = new Command("simulate", "Run the seed replay's virtual boards (esp32-rig-a, esp32-rig-b) against a broker until the 14 days are over or Ctrl+C.")
        {
            broker, username, password, api, experimentOut, speed,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(broker), parse.GetValue(username), parse.GetValue(password), parse.GetValue(api),
            parse.GetValue(experimentOut), parse.GetValue(speed), Console.Out, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(Uri broker, string? username, string? password, Uri? api, string? experimentOut,
        double speed, TextWriter output, CancellationToken cancellationToken)
    {
        if (broker.Scheme != "mqtt" || broker.Port < 0 || !(speed >= 1))
        {
            await Console.Error.WriteLineAsync("pouchmon simulate: --broker must be mqtt://host:port and --speed at least 1").ConfigureAwait(false);
            return PouchmonCommand.UsageError;
        }

        var time = new AcceleratedTimeProvider(DateTimeOffset.UtcNow, speed);
        using var rig = Rig.Create(SeedExperiment.Pouches, SeedExperiment.Oven(), time,
            id => new MqttNetTransport(broker.Host, broker.Port, username ?? (password is null ? null : id), password) { ClockSpeed = time.Speed },
            SeedExperiment.IntervalS, SeedExperiment.PublishIntervalS);
        if (experimentOut is not null)
        {
            await File.WriteAllTextAsync(experimentOut, rig.ExperimentJson(SeedExperiment.Name, SeedExperiment.EventSettleMinutes), cancellationToken).ConfigureAwait(false);
        }

        using var http = api is null ? null : new HttpClient { BaseAddress = api };
        if (http is not null && Environment.GetEnvironmentVariable("POUCHMON_TOKEN") is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        var script = http is null ? [] : SeedExperiment.GcSamples(rig, new HostApiClient(http));
        rig.Start();
        await output.WriteLineAsync($"pouchmon simulate: boards {string.Join(", ", rig.Boards.Select(b => b.DeviceId))} publishing to {broker}").ConfigureAwait(false);
        try
        {
            await rig.RunScriptAsync([.. script, new RigAction(SeedExperiment.Duration, "end", _ => Task.CompletedTask)], cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the boards stop below.
        }

        return 0;
    }

    // System.CommandLine has no parser of its own for Uri: without this one, any value is an unhandled exception.
    private static Option<Uri> UriOption(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                return uri;
            }

            result.AddError($"'{text}' is not an absolute URI for {name}");
            return null;
        },
    };
}
