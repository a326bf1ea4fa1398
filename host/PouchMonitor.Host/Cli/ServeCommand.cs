using System.CommandLine;
using Microsoft.Extensions.Options;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Hosting;
using PouchMonitor.Host.Lan;

namespace PouchMonitor.Host.Cli;

/// <summary>
/// <c>pouchmon serve</c>: the long-running host. Its own options are shortcuts for configuration keys; any other
/// <c>--Section:Key=value</c> is passed to the configuration as it is (after appsettings.json and environment variables).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var broker = new Option<string>("--broker") { Description = "External broker, mqtt://host:port or mqtts://host:port (Mqtt:Broker); default: the embedded broker.", HelpName = "uri" };
        var experiments = new Option<string[]>("--experiment") { Description = "Experiment file (Experiments:Files); repeat for several.", HelpName = "file" };
        var data = new Option<string>("--data") { Description = "Data folder of the SQLite store (Storage:DataFolder).", HelpName = "folder" };
        var lan = new Option<bool>("--lan")
        {
            Description = "Serve the lab network (Lan:Enabled): MQTT over TLS on port 8883 and HTTPS on 8443 on every interface (Lan:Addresses), "
                + "a certificate from Lan:CertificateFile or one generated on the first start, sign-in required for reads.",
        };
        var command = new Command("serve", "Run the host: MQTT ingestion, live conversion, storage, InfluxDB mirror, alerts and the HTTP API. Any --Section:Key=value sets a configuration key.")
        {
            broker, experiments, data, lan,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => RunAsync(
            ToConfigurationArgs(parse.GetValue(broker), parse.GetValue(experiments) ?? [], parse.GetValue(data), parse.GetValue(lan), parse.UnmatchedTokens),
            Console.Error,
            cancellationToken));
        return command;
    }

    /// <summary>Runs until stopped; a start-up error is one line on <paramref name="error"/> and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] configurationArgs, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = ServeApplication.Build(configurationArgs);
            ServeApplication.ValidateConfiguration(app);
            if (app.Services.GetRequiredService<LanMode>().StartLine() is { } tls)
            {
                // One line for whoever sets up the boards and browsers: the fingerprint to pin or compare.
                await Console.Out.WriteLineAsync($"pouchmon serve: {tls}").ConfigureAwait(false);
            }

            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (Describe(e) is { } reason)
        {
            await error.WriteLineAsync($"pouchmon serve: {reason}").ConfigureAwait(false);
            return PouchmonCommand.UsageError;
        }
    }

    /// <summary>One line for an error a user can fix (configuration, experiment file, port); null for a bug.</summary>
    internal static string? Describe(Exception e) => e switch
    {
        OptionsValidationException v => string.Join("; ", v.Failures),
        StartupException or CertificateException => e.Message,
        ExperimentFileException or IOException => e.Message,
        // The configuration binder names the key: "Failed to convert configuration value at 'Mqtt:Port' to type 'System.Int32'."
        InvalidOperationException when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => e.Message,
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerExceptions[0]),
        _ => null,
    };

    private static string[] ToConfigurationArgs(string? broker, string[] experiments, string? data, bool lan, IReadOnlyList<string> passThrough)
    {
        var args = new List<string>(passThrough);
        if (lan)
        {
            args.Add("--Lan:Enabled=true");
        }

        if (broker is not null)
        {
            args.Add($"--Mqtt:Broker={broker}");
        }

        args.AddRange(experiments.Select((path, i) => $"--Experiments:Files:{i}={Path.GetFullPath(path)}"));
        if (data is not null)
        {
            args.Add($"--Storage:DataFolder={data}");
        }

        return [.. args];
    }
}
