using System.Globalization;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Reports;

/// <summary>`pouchmon report`: plots, gas series, summary and (optionally) the biogas export of one experiment (docs/reports.md).</summary>
internal static class ReportBuilder
{
    public const string GasCsv = "gas.csv", RejectsCsv = "rejects.csv", SummaryCsv = "summary.csv", SummaryMarkdown = "summary.md", KineticsCsv = "kinetics.csv",
        Trend = "trend", H2 = "h2", Groups = "groups", Rate = "rate";

    /// <param name="source">Where the series come from.</param>
    /// <param name="outDirectory">Folder for the files; created if missing.</param>
    /// <param name="biogasPath">calcBgMan input to write, optional.</param>
    /// <param name="options">Threshold, rate window, sensor accuracy.</param>
    /// <param name="reading">Receives the fraction of the source read.</param>
    /// <param name="pouchesDone">Receives the number of pouches summarised.</param>
    /// <exception cref="InputFileException">An input is unusable or an output cannot be written.</exception>
    public static ReportResult Build(
        IGasSeriesSource source, string outDirectory, string? biogasPath, ReportOptions options, IProgress<double>? reading = null, IProgress<int>? pouchesDone = null)
    {
        var inputs = source.Inputs;
        CreateDirectory(outDirectory);
        string Out(string name) => Path.Combine(outDirectory, name);
        ConversionSummary conversion;
        ReportCollector collector;
        List<string> skipped;
        using (var gas = new GasCsvWriter(Out(GasCsv), inputs.OtherGases))
        using (var biogas = biogasPath is null ? null : new BiogasWriter(biogasPath, inputs.Experiment.Settings.Standard))
        {
            collector = new ReportCollector(inputs, options, gas, biogas, pouchesDone);
            conversion = source.ReadSeries(collector, reading);
            skipped = biogas?.Skipped ?? [];
        }

        var kinetics = Kinetics(inputs, collector);
        WritePlots(outDirectory, inputs, options, collector, kinetics);
        var summaries = collector.Summaries.ToList();
        SummaryWriter.WriteCsv(Out(SummaryCsv), summaries);
        KineticsWriter.WriteCsv(Out(KineticsCsv), kinetics);
        File.WriteAllText(Out(SummaryMarkdown), SummaryWriter.Markdown(inputs.Experiment.Name, inputs.Experiment.Settings.Standard, options, summaries, kinetics));
        string[] files =
        [
            Out(Trend + ".png"), Out(Trend + ".svg"), Out(H2 + ".png"), Out(H2 + ".svg"), Out(Groups + ".png"), Out(Groups + ".svg"),
            Out(Rate + ".png"), Out(Rate + ".svg"), Out(GasCsv), Out(SummaryCsv), Out(KineticsCsv), Out(SummaryMarkdown),
            .. biogasPath is null ? Array.Empty<string>() : [biogasPath],
        ];
        return new ReportResult(conversion, summaries, files, skipped);
    }

    /// <summary>The summary.md <see cref="Build"/> writes for <paramref name="source"/>, without writing any file.</summary>
    /// <exception cref="InputFileException">An input is unusable.</exception>
    public static string Summary(IGasSeriesSource source, ReportOptions options)
    {
        var inputs = source.Inputs;
        var collector = new ReportCollector(inputs, options, new NoPoints(), null, null);
        source.ReadSeries(collector, null);
        return SummaryWriter.Markdown(inputs.Experiment.Name, inputs.Experiment.Settings.Standard, options, [.. collector.Summaries], Kinetics(inputs, collector));
    }

    private static ReportKinetics Kinetics(ExperimentInputs inputs, ReportCollector collector) =>
        ReportKinetics.Of(inputs.Pouches, [.. inputs.Experiment.Pouches.Select(p => p.Spec.Id)], collector.Hourly);

    private static void WritePlots(string outDirectory, ExperimentInputs inputs, ReportOptions options, ReportCollector collector, ReportKinetics kinetics)
    {
        string name = inputs.Experiment.Name;
        string conditions = StandardLabel.Of(inputs.Experiment.Settings.Standard);
        string threshold = string.Create(CultureInfo.InvariantCulture, $"threshold {options.ThresholdMlPerG:G4} mL g⁻¹");
        ReportPlots.Save(
            Path.Combine(outDirectory, Trend), $"Evolved gas: {name}", $"Dry gas, mL g⁻¹ slurry ({conditions})", collector.GasCurves, "no readings", (options.ThresholdMlPerG, threshold));
        ReportPlots.Save(
            Path.Combine(outDirectory, H2), $"Hydrogen: {name}", $"H₂, mL g⁻¹ slurry ({conditions})", collector.H2Curves, "no GC results: H₂ unknown");
        ReportPlots.Save(
            Path.Combine(outDirectory, Groups), $"Replicate groups, mean ± SD: {name}", $"Dry gas, mL g⁻¹ slurry ({conditions}), hourly means", kinetics.GroupCurves,
            "no replicate groups (\"group\" in experiment.json)", bands: kinetics.GroupBands);
        ReportPlots.Save(
            Path.Combine(outDirectory, Rate), $"Gas evolution rate: {name}", $"Rate, mL g⁻¹ slurry d⁻¹ ({conditions}), ±6 h line", kinetics.Rates,
            "too few readings for a rate");
    }

    private static void CreateDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: cannot create the output folder: {e.Message}", e);
        }
    }

    /// <summary>Where the summary alone is wanted: the gas points are not written anywhere.</summary>
    private sealed class NoPoints : IGasPointSink
    {
        public void Write(PouchSpec pouch, GasPoint point)
        {
        }

        public void EndPouch(PouchSpec pouch)
        {
        }
    }
}
