using System.Globalization;
using System.Xml.Linq;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Plotting;
using PouchMonitor.Host.Reports;
using PouchMonitor.Host.Tests.Conversion;
using SkiaSharp;

namespace PouchMonitor.Host.Tests.Reports;

/// <summary>`pouchmon report` on the examples: numbers against the physics library, the files it writes.</summary>
public class ReportBuilderTests
{
    [Theory]
    [InlineData("example-headspace")]
    [InlineData("example-pouch-in-jar")]
    public void Build_Example_SummaryMatchesTheCalculatorFedDirectly(string example)
    {
        using var workspace = new Workspace();

        var result = Build(example, workspace);

        var inputs = Converter.Load(Workspace.Example(example, "experiment.json"), Workspace.Example(example, "events.csv"), Workspace.Example(example, "gc.csv"));
        foreach (var summary in result.Summaries)
        {
            var settled = CalculatorPoints(inputs, example, summary.PouchId)
                .Where(p => (p.Flags & (GasFlags.PreBaseline | GasFlags.Settling)) == 0)
                .ToList();
            double[] days = [.. settled.Select(p => (p.Time - settled[0].Time).TotalDays)];
            double[] perG = [.. settled.Select(p => p.DryGasMlStdPerG!.Value)];
            Assert.Equal(perG[^1], summary.FinalMlPerG!.Value);
            Assert.Equal(settled[^1].H2MlStdPerG, summary.FinalH2MlPerG?.Value);
            Assert.Equal(BruteForceMaxRate(days, perG, 0.25), summary.MaxRateMlPerGPerH!.Value, 12);
            int above = Array.FindIndex(perG, v => v >= 1.0);
            Assert.Equal(above < 0 ? null : days[above - 1] + ((1.0 - perG[above - 1]) / (perG[above] - perG[above - 1]) * (days[above] - days[above - 1])), summary.ThresholdDays?.Value);
        }
    }

    /// <summary>The pouch's points from the physics library, fed the example's readings in time order.</summary>
    private static List<GasPoint> CalculatorPoints(ExperimentInputs inputs, string example, string pouchId)
    {
        var calculator = inputs.Calculator(inputs.Pouches.Single(p => p.Id == pouchId));
        var readings = File.ReadLines(Workspace.Example(example, "readings.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[1] == pouchId)
            .Select(f => new PressureReading(Time(f[0]), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Time);
        var points = new List<GasPoint>();
        foreach (var reading in readings)
        {
            calculator.Add(reading, points);
        }

        calculator.Complete(points);
        return points;
    }

    /// <summary>The rate definition of docs/reports.md, over every pair: i with the last j at least a window before it.</summary>
    private static double BruteForceMaxRate(double[] days, double[] perG, double windowDays) =>
        Enumerable.Range(0, days.Length)
            .Select(i => (i, j: Array.FindLastIndex(days, d => d <= days[i] - windowDays)))
            .Where(pair => pair.j >= 0)
            .Max(pair => (perG[pair.i] - perG[pair.j]) / ((days[pair.i] - days[pair.j]) * 24));

    [Fact]
    public void Build_Example_FinalGasIsWithinItsUncertaintyOfTheTruth()
    {
        using var workspace = new Workspace();

        var result = Build("example-headspace", workspace);

        // truth.csv: the gas the example's readings were generated from. A2 has no events: A1's three events
        // each lose the gas made in the 30 min between the readings around them, which no uncertainty covers.
        var truth = GasCsv.Load(Workspace.Example("example-headspace", "truth.csv"));
        var a2 = result.Summaries.Single(s => s.PouchId == "A2").FinalMlPerG!;
        int last = Enumerable.Range(0, truth.Rows.Count).Last(r => truth.Field(r, "pouch") == "A2");
        double trueMlPerG = truth.Number(last, "true_dry_gas_ml_std")!.Value / 1.12;
        Assert.InRange(trueMlPerG, a2.Value - (3 * a2.TotalU), a2.Value + (3 * a2.TotalU));
    }

    [Fact]
    public void Build_Example_WritesDecodablePlotsWithLabelledAxes()
    {
        using var workspace = new Workspace();

        Build("example-headspace", workspace);

        foreach (string name in new[] { ReportBuilder.Trend, ReportBuilder.H2 })
        {
            using var png = SKBitmap.Decode(workspace.Path(name + ".png"));
            Assert.NotNull(png);
            Assert.Equal((ReportPlots.WidthPx, ReportPlots.HeightPx), (png.Width, png.Height));
            var svg = XDocument.Load(workspace.Path(name + ".svg"));
            Assert.Equal(ReportPlots.WidthPx.ToString(CultureInfo.InvariantCulture), svg.Root!.Attribute("width")!.Value);
            string text = string.Concat(svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value + "\n"));
            Assert.Contains("Time since baseline (days)", text, StringComparison.Ordinal);
            Assert.Contains("mL g⁻¹ slurry (0 °C, 101.325 kPa)", text, StringComparison.Ordinal);
            Assert.Contains("mSi (A1)", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_Example_DrawsWithTheDashboardsColoursAndMarks()
    {
        using var workspace = new Workspace();

        Build("example-headspace", workspace);

        // A1 and A2 are the file's first and second pouch: the dashboard's first two palette colours
        string svg = File.ReadAllText(workspace.Path(ReportBuilder.Trend + ".svg"));
        Assert.Contains(SeriesStyle.Colour(0), svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SeriesStyle.Colour(1), svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SeriesStyle.Marker("sample").Colour, svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SeriesStyle.Marker("sample").Label, svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Example_WritesSummaryFiles()
    {
        using var workspace = new Workspace();

        Build("example-headspace", workspace);

        var summary = GasCsv.Load(workspace.Path(ReportBuilder.SummaryCsv));
        Assert.Equal(SummaryWriter.CsvColumns, summary.Header);
        Assert.Equal(["A1", "A2"], summary.Rows.Select(r => r[0]));
        string markdown = File.ReadAllText(workspace.Path(ReportBuilder.SummaryMarkdown));
        Assert.Contains("| A1 | mSi |", markdown, StringComparison.Ordinal);
        Assert.Contains("0 °C, 101.325 kPa", markdown, StringComparison.Ordinal);
    }

    [Theory]
    // gasTemperatureUncertaintyK given; not given with a 3-h window (6 readings of the 30-min example); not given, no window
    [InlineData(""" "gasTemperatureUncertaintyK": 0.3, """, "±0.3 K, experiment.json")]
    [InlineData(""" "baselineMinutes": 180, """, "±0.2 K, from the measured ripple")]
    [InlineData("", "±0.2 K, default")]
    public void Build_ExampleWithABlankAndAVolumeUncertainty_BudgetTableListsEveryPartWithWhatItCameFrom(string setting, string gasTemperature)
    {
        using var workspace = new Workspace();
        // A1 (40 mL, three events) with A2 as its blank and ±0.4 mL on its volume
        string text = File.ReadAllText(Workspace.Example("example-headspace", "experiment.json"))
            .Replace("\"standard\"", setting + "\"standard\"", StringComparison.Ordinal)
            .Replace("\"gasVolumeMl\": 40.0,", "\"gasVolumeMl\": 40.0, \"gasVolumeUncertaintyMl\": 0.4,", StringComparison.Ordinal)
            .Replace("\"sample\": \"mSi\",", "\"sample\": \"mSi\", \"blank\": \"A2\",", StringComparison.Ordinal);

        var result = Build("example-headspace", workspace, workspace.Write("with-blank.json", text));

        var a1 = result.Summaries.Single(s => s.PouchId == "A1");
        var u = a1.FinalMlPerG!;
        double shareMlPerG = a1.Budget!.BlankShareMlPerG!.Value;
        string row = File.ReadLines(workspace.Path(ReportBuilder.SummaryMarkdown)).Last(l => l.StartsWith("| A1 | ", StringComparison.Ordinal) && l.Contains(" event", StringComparison.Ordinal));
        Assert.Contains(
            $"| {G2(u.GasTemperatureU)} ({gasTemperature}) | {G2(u.EventsU)} (3 events) | {G2(u.VolumeU)} (40.0 ± 0.4 mL) | " +
            $"{G2(u.BlankU)} (share {UncertainText.Format(shareMlPerG, u.BlankU)} of A2) | {G2(u.TotalU)} |", row, StringComparison.Ordinal);
        Assert.True(u is { GasTemperatureU: > 0, EventsU: > 0, VolumeU: > 0, BlankU: > 0 }, row);
        var csv = GasCsv.Load(workspace.Path(ReportBuilder.SummaryCsv));
        var csvRow = csv.Rows.Single(r => r[0] == "A1");
        double Column(string name) => double.Parse(csvRow[Array.IndexOf(csv.Header, name)], CultureInfo.InvariantCulture);
        string[] parts = ["sensor", "noise", "gas_temperature", "events", "volume", "blank"];
        Assert.Equal(Column("final_dry_gas_ml_std_per_g_u"), Math.Sqrt(parts.Sum(p => Math.Pow(Column("final_dry_gas_ml_std_per_g_u_" + p), 2))), 5);
        Assert.Equal(
            [gasTemperature.Split(", ")[1], "3", "40", "0.4", "A2"],
            new[] { "gas_temperature_u_from", "events", "gas_volume_ml", "gas_volume_u_ml", "blank" }.Select(name => csvRow[Array.IndexOf(csv.Header, name)]));
        Assert.Equal(shareMlPerG, Column("blank_share_ml_std_per_g"), 5);
        // A2 is read at A1's times, both 1.12 g: the share is A2's final gas scaled by the volumes, 40 / 100 mL
        Assert.Equal(result.Summaries.Single(s => s.PouchId == "A2").FinalMlPerG!.Value * 40 / 100, shareMlPerG, 9);
        string a2 = File.ReadLines(workspace.Path(ReportBuilder.SummaryMarkdown)).Last(l => l.StartsWith("| A2 | ", StringComparison.Ordinal) && l.Contains(" event", StringComparison.Ordinal));
        Assert.Contains("(0 events) | 0 (100 mL, no ± given) | 0 (no blank) |", a2, StringComparison.Ordinal);
    }

    private static string G2(double value) => value.ToString("G2", CultureInfo.InvariantCulture);

    [Fact]
    public void Build_NoReadings_SaysSoInSummaryAndPlots()
    {
        using var workspace = new Workspace();
        string readings = workspace.Write("readings.csv", "time,pouch,pressure_pa,temperature_c\n");
        var source = new RecordedFilesSource(Workspace.Example("example-headspace", "experiment.json"), readings, null, null, null);

        var result = ReportBuilder.Build(source, workspace.Path("out"), null, ReportOptions.Default);

        Assert.All(result.Summaries, s => Assert.Null(s.Metrics));
        Assert.Contains("| A1 | mSi | — | — | — | — | — | no readings |", File.ReadAllText(Path.Combine(workspace.Path("out"), ReportBuilder.SummaryMarkdown)), StringComparison.Ordinal);
        Assert.Contains("no readings", File.ReadAllText(Path.Combine(workspace.Path("out"), ReportBuilder.Trend + ".svg")), StringComparison.Ordinal);
    }

    internal static ReportResult Build(string example, Workspace workspace, string? experimentPath = null, string? biogasPath = null)
    {
        string e(string f) => Workspace.Example(example, f);
        var source = new RecordedFilesSource(experimentPath ?? e("experiment.json"), e("readings.csv"), e("events.csv"), e("gc.csv"), null);
        return ReportBuilder.Build(source, workspace.Directory, biogasPath, ReportOptions.Default);
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
