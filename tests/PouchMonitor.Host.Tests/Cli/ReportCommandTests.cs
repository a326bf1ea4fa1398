using PouchMonitor.Host.Reports;
using PouchMonitor.Host.Tests.Conversion;

namespace PouchMonitor.Host.Tests.Cli;

/// <summary>`pouchmon report` as a user runs it.</summary>
public class ReportCommandTests
{
    [Fact]
    public async Task Report_Example_ExitsZeroAndWritesEveryFile()
    {
        using var workspace = new Workspace();
        string e(string f) => Workspace.Example("example-headspace", f);
        string outDir = workspace.Path("report");

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "report", "--experiment", e("experiment.json"), "--readings", e("readings.csv"), "--events", e("events.csv"), "--gc", e("gc.csv"),
            "--out-dir", outDir, "--threshold-ml-per-g", "2", "--biogas", workspace.Path("biogas.csv"));

        Assert.Equal(0, exitCode);
        Assert.Contains("for 2 pouches from 290 readings", stderr, StringComparison.Ordinal);
        Assert.Contains("left out of", stderr, StringComparison.Ordinal);
        foreach (string file in new[] { "trend.png", "trend.svg", "h2.png", "h2.svg", "gas.csv", "rejects.csv", "summary.csv", "summary.md" })
        {
            Assert.True(new FileInfo(Path.Combine(outDir, file)).Length > 0, file);
        }

        Assert.Contains("threshold 2 mL g⁻¹", File.ReadAllText(Path.Combine(outDir, ReportBuilder.SummaryMarkdown)), StringComparison.Ordinal);
        Assert.True(File.Exists(workspace.Path("biogas.csv")));
    }

    [Fact]
    public async Task Report_VesselPastTheSensorsRange_WarnsAndExitsZero()
    {
        using var workspace = new Workspace();
        string e(string f) => Workspace.Example("example-headspace", f);

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "report", "--experiment", e("experiment.json"), "--readings", e("readings.csv"), "--out-dir", workspace.Path("report"));

        // A1: 1.12 g · 10.2 mL g⁻¹ in a 40 mL headspace reaches 101.3 + 34.2 kPa at 50 °C (as convert warns)
        Assert.Equal(0, exitCode);
        Assert.Contains("pouchmon report: warning: pouch A1: 10.2 mL g⁻¹ slurry (mL at 0 °C, 101.325 kPa) in its 40 mL vessel would reach 135.6 kPa", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threshold-ml-per-g", "0")]
    [InlineData("--rate-window-hours", "-1")]
    public async Task Report_NonPositiveSetting_ExitsTwoWithOneLine(string option, string value)
    {
        using var workspace = new Workspace();

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "report", "--experiment", Workspace.Example("example-headspace", "experiment.json"), "--readings", Workspace.Example("example-headspace", "readings.csv"),
            "--out-dir", workspace.Path("r"), option, value);

        Assert.Equal(2, exitCode);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Report_MissingReadings_ExitsTwoNamingTheFile()
    {
        using var workspace = new Workspace();

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "report", "--experiment", Workspace.Example("example-headspace", "experiment.json"), "--readings", workspace.Path("nope.csv"), "--out-dir", workspace.Path("r"));

        Assert.Equal(2, exitCode);
        Assert.Equal($"pouchmon report: {workspace.Path("nope.csv")}: file not found", stderr.Trim());
    }
}
