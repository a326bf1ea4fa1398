using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Export;
using PouchMonitor.Host.Reports;
using Spectre.Console;

namespace PouchMonitor.Host.Cli;

/// <summary>`pouchmon report`: plots, gas series and per-pouch summary of an experiment from recorded files or a host's store (docs/reports.md).</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var experiment = FileOption("--experiment", "experiment.json: pouches, masses, vessels, standard conditions; with --data, the experiment's name in the store.", required: true);
        var readings = FileOption("--readings", "readings.csv: time,pouch,pressure_pa,temperature_c (any row order); required without --data.", required: false);
        var data = new Option<string>("--data") { Description = "Data folder of a host: report the experiment's stored series instead of files.", HelpName = "folder" };
        var events = FileOption("--events", "events.csv: time,pouch,kind(sample|vent),note.", required: false);
        var gc = FileOption("--gc", "gc.csv: time,pouch,h2_percent[,other *_percent columns].", required: false);
        var outDir = new Option<string>("--out-dir")
        {
            Description = "Folder to write trend.png/.svg, h2.png/.svg, gas.csv, rejects.csv, summary.csv and summary.md into; created if missing.",
            Required = true,
            HelpName = "dir",
        };
        var threshold = new Option<double>("--threshold-ml-per-g")
        {
            Description = "Gas per g of slurry (mL at standard conditions) whose first crossing the summary reports.",
            DefaultValueFactory = _ => ReportOptions.Default.ThresholdMlPerG,
            HelpName = "mL/g",
        };
        var window = new Option<double>("--rate-window-hours")
        {
            Description = "Window of the maximum gas rate, in hours.",
            DefaultValueFactory = _ => ReportOptions.Default.RateWindow.TotalHours,
            HelpName = "h",
        };
        var biogas = FileOption("--biogas", "Also write the input of the R package biogas's calcBgMan (wet headspace vessels; docs/biogas.md).", required: false);
        var command = new Command("report", "Plot and summarise an experiment's evolved gas per pouch, with uncertainties from the sensor's accuracy and the readings' noise. Exit 0: written; 2: unusable input.")
        {
            experiment, readings, data, events, gc, outDir, threshold, window, biogas,
        };
        command.SetAction(parse => Run(
            new ReportRequest(
                parse.GetRequiredValue(experiment),
                parse.GetValue(readings) ?? "",
                parse.GetValue(events),
                parse.GetValue(gc),
                parse.GetRequiredValue(outDir),
                parse.GetValue(biogas)),
            parse.GetValue(data),
            parse.GetValue(threshold),
            parse.GetValue(window)));
        return command;
    }

    private static Option<string> FileOption(string name, string description, bool required) =>
        new(name) { Description = description, Required = required, HelpName = "file" };

    private static int Run(ReportRequest request, string? dataFolder, double thresholdMlPerG, double windowHours)
    {
        if ((dataFolder is null) == (request.ReadingsPath.Length == 0) || (dataFolder is not null && (request.EventsPath ?? request.GcPath) is not null))
        {
            Console.Error.WriteLine("pouchmon report: give either --data (the store's events and GC results) or --readings [--events] [--gc]");
            return PouchmonCommand.UsageError;
        }

        if (!(thresholdMlPerG > 0) || double.IsInfinity(thresholdMlPerG) || !(windowHours > 0) || windowHours > 24 * 365)
        {
            Console.Error.WriteLine("pouchmon report: --threshold-ml-per-g and --rate-window-hours must be positive numbers");
            return PouchmonCommand.UsageError;
        }

        var options = ReportOptions.Default with { ThresholdMlPerG = thresholdMlPerG, RateWindow = TimeSpan.FromHours(windowHours) };
        try
        {
            IGasSeriesSource source = dataFolder is null
                ? new RecordedFilesSource(
                    request.ExperimentPath, request.ReadingsPath, request.EventsPath, request.GcPath, Path.Combine(request.OutDirectory, ReportBuilder.RejectsCsv))
                : FromStore(dataFolder, request.ExperimentPath);
            var result = Console.IsErrorRedirected
                ? ReportBuilder.Build(source, request.OutDirectory, request.BiogasPath, options)
                : WithProgress(source, request, options);
            Report(request, result);
            var standard = source.Inputs.Experiment.Settings.Standard;
            foreach (var warning in source.Inputs.Pouches.Select(p => SetUpRange.Warning(p, standard)).OfType<string>())
            {
                Console.Error.WriteLine($"pouchmon report: warning: {warning}");
            }

            return 0;
        }
        catch (Exception e) when (e is ExperimentFileException or InputFileException or SqliteException)
        {
            Console.Error.WriteLine($"pouchmon report: {e.Message}");
            return PouchmonCommand.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"pouchmon report: cannot write the report into {request.OutDirectory}: {e.Message}");
            return PouchmonCommand.UsageError;
        }
    }

    private static StoreSource FromStore(string dataFolder, string name)
    {
        var store = StoreFolder.Open(dataFolder, name);
        return new StoreSource(store.Experiment, store.Data, store.Gas);
    }

    private static ReportResult WithProgress(IGasSeriesSource source, ReportRequest request, ReportOptions options)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().Start(context =>
        {
            var read = context.AddTask("reading " + (request.ReadingsPath.Length == 0 ? "the store" : Path.GetFileName(request.ReadingsPath)), maxValue: 1);
            var pouches = context.AddTask("summarising pouches", maxValue: source.Inputs.Pouches.Count);
            var result = ReportBuilder.Build(
                source, request.OutDirectory, request.BiogasPath, options, new Progress<double>(f => read.Value = f), new Progress<int>(n => pouches.Value = n));
            (read.Value, pouches.Value) = (1, pouches.MaxValue);
            return result;
        });
    }

    private static void Report(ReportRequest request, ReportResult result)
    {
        var c = result.Conversion;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pouchmon report: wrote {result.Files.Count} files to {request.OutDirectory} for {result.Summaries.Count} pouches from {c.RowsRead} readings; {c.Rejected} rejected{(c.Rejected == 0 ? "" : $" (reasons in {ReportBuilder.RejectsCsv})")}, {c.DuplicatesDropped} identical duplicates dropped"));
        if (result.BiogasSkipped.Count > 0)
        {
            Console.Error.WriteLine($"pouchmon report: left out of {request.BiogasPath}: {string.Join(", ", result.BiogasSkipped)}");
        }
    }
}
