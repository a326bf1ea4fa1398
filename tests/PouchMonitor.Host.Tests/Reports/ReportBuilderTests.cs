using System.Globalization;
using System.Xml.Linq;
using PouchMonitor.Analysis;
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
    public void Build_Example_SummaryMatchesTheCalculatorsSeries(string example)
    {
        using var workspace = new Workspace();

        var result = Build(example, workspace);

        var gas = GasCsv.Load(workspace.Path(ReportBuilder.GasCsv));
        foreach (var summary in result.Summaries)
        {
            var rows = Enumerable.Range(0, gas.Rows.Count)
                .Where(r => gas.Field(r, "pouch") == summary.PouchId && gas.Number(r, "dry_gas_ml_std_per_g") is not null && !gas.Field(r, "flags").Contains("settling", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(gas.Number(rows[^1], "dry_gas_ml_std_per_g"), summary.FinalMlPerG!.Value);
            Assert.Equal(gas.Number(rows[^1], "h2_ml_std_per_g"), summary.FinalH2MlPerG?.Value);
            if (summary.ThresholdDays is { } threshold)
            {
                // the crossing lies between the last row below the threshold and the first at or above it
                int first = rows.First(r => gas.Number(r, "dry_gas_ml_std_per_g") >= 1.0);
                var baseline = Time(gas.Field(rows[0], "time"));
                Assert.InRange(threshold.Value, Days(gas, rows[rows.IndexOf(first) - 1], baseline), Days(gas, first, baseline));
            }
        }
    }

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

    internal static ReportResult Build(string example, Workspace workspace, string? experimentPath = null, string? biogasPath = null)
    {
        string e(string f) => Workspace.Example(example, f);
        var source = new RecordedFilesSource(experimentPath ?? e("experiment.json"), e("readings.csv"), e("events.csv"), e("gc.csv"), null);
        return ReportBuilder.Build(source, workspace.Directory, biogasPath, ReportOptions.Default);
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static double Days(GasCsv gas, int row, DateTimeOffset baseline) => (Time(gas.Field(row, "time")) - baseline).TotalDays;
}
