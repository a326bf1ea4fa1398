using System.Globalization;
using PouchMonitor.Host.Tests.Conversion;

namespace PouchMonitor.Host.Tests.Cli;

/// <summary>`pouchmon convert` as a user runs it: a separate process, its exit code and stderr.</summary>
public class ConvertCommandTests
{
    [Fact]
    public async Task Convert_Example_ExitsZeroAndCountsOnStderr()
    {
        using var workspace = new Workspace();
        string e(string f) => Workspace.Example("example-pouch-in-jar", f);

        var (exitCode, stderr) = await Pouchmon(
            "convert", "--experiment", e("experiment.json"), "--readings", e("readings.csv"),
            "--events", e("events.csv"), "--gc", e("gc.csv"), "--out", workspace.Path("gas.csv"));

        Assert.Equal(0, exitCode);
        Assert.Contains("wrote 145 rows", stderr, StringComparison.Ordinal);
        Assert.Contains("0 rejected", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_VesselPastTheSensorsRange_WarnsAndExitsZero()
    {
        using var workspace = new Workspace();
        string e(string f) => Workspace.Example("example-headspace", f);

        var (exitCode, stderr) = await Pouchmon("convert", "--experiment", e("experiment.json"), "--readings", e("readings.csv"), "--out", workspace.Path("gas.csv"));

        // A1: 1.12 g · 10.2 mL g⁻¹ in a 40 mL headspace reaches 101.3 + 34.2 kPa at 50 °C
        Assert.Equal(0, exitCode);
        Assert.Contains("pouchmon convert: warning: pouch A1: 10.2 mL g⁻¹ slurry (mL at 0 °C, 101.325 kPa) in its 40 mL vessel would reach 135.6 kPa", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_MissingReadings_ExitsTwoWithOneLine()
    {
        using var workspace = new Workspace();

        var (exitCode, stderr) = await Pouchmon(
            "convert", "--experiment", Workspace.Example("example-headspace", "experiment.json"),
            "--readings", workspace.Path("nope.csv"), "--out", workspace.Path("gas.csv"));

        Assert.Equal(2, exitCode);
        Assert.Equal($"pouchmon convert: {workspace.Path("nope.csv")}: file not found", stderr.Trim());
    }

    [Fact]
    public async Task Convert_BadExperiment_ExitsTwoNamingThePath()
    {
        using var workspace = new Workspace();
        string experiment = workspace.Write("experiment.json", """{ "experiment": "x", "pouches": [ { "id": "P1" } ] }""");

        var (exitCode, stderr) = await Pouchmon(
            "convert", "--experiment", experiment, "--readings", Workspace.Example("example-headspace", "readings.csv"), "--out", workspace.Path("gas.csv"));

        Assert.Equal(2, exitCode);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("$.pouches[0].sample: required property is missing", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out", "missing/gas.csv", "folder '{0}/missing' does not exist")]
    [InlineData("--out", ".", "is a folder, not a file")]
    [InlineData("--rejects", "missing/rejects.csv", "folder '{0}/missing' does not exist")]
    public async Task Convert_BadOutputPath_ExitsTwoNamingOptionAndPath(string option, string relative, string reason)
    {
        using var workspace = new Workspace();
        string e(string f) => Workspace.Example("example-headspace", f);
        var outputs = new Dictionary<string, string> { ["--out"] = workspace.Path("gas.csv"), [option] = Path.GetFullPath(workspace.Path(relative)) };

        var (exitCode, stderr) = await Pouchmon(
            ["convert", "--experiment", e("experiment.json"), "--readings", e("readings.csv"), .. outputs.SelectMany(o => new[] { o.Key, o.Value })]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"pouchmon convert: {option} '", line, StringComparison.Ordinal);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, reason, Path.GetFullPath(workspace.Path("."))), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_EventOutsideReadings_WarnsOnStderrAndExitsZero()
    {
        using var workspace = new Workspace();
        string e(string f) => Workspace.Example("example-headspace", f);
        string events = workspace.Write("events.csv", "time,pouch,kind\n2030-01-01T00:00:00Z,A1,vent\n");

        var (exitCode, stderr) = await Pouchmon(
            "convert", "--experiment", e("experiment.json"), "--readings", e("readings.csv"), "--events", events, "--out", workspace.Path("gas.csv"));

        Assert.Equal(0, exitCode);
        Assert.Contains($"pouchmon convert: warning: {events}: pouch A1: vent at 2030-01-01T00:00:00Z is outside its readings", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_MissingRequiredOption_ExitsTwo()
    {
        var (exitCode, stderr) = await Pouchmon("convert", "--readings", "r.csv");

        Assert.Equal(2, exitCode);
        Assert.Contains("--experiment", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ExplainsConvertAndItsOptions()
    {
        var (exitCode, _, stdout) = await PouchmonProcess.Run("convert", "--help");

        Assert.Equal(0, exitCode);
        foreach (string option in new[] { "--experiment", "--readings", "--events", "--gc", "--out", "--rejects" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }
    }

    private static async Task<(int ExitCode, string Stderr)> Pouchmon(params string[] args)
    {
        var (exitCode, stderr, _) = await PouchmonProcess.Run(args);
        return (exitCode, stderr);
    }
}
