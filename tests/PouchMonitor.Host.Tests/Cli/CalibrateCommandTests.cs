using System.Globalization;
using System.Text;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Cli;

/// <summary>`pouchmon calibrate` as a user runs it: a separate process, its exit code, stdout and stderr.</summary>
public sealed class CalibrateCommandTests : IDisposable
{
    private const string InjectedAt = "2026-12-01T01:00:00Z";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Calibrate_ReadingsOfAKnownHeadspace_PrintsItsVolumeWithUncertainty()
    {
        string readings = WriteReadings(60);

        var (exitCode, stderr, stdout) = await PouchmonProcess.Run(
            "calibrate", "--readings", readings, "--pouch", "A1", "--at", InjectedAt, "--injected-ml", "5");

        // ΔP = 101 325 Pa · 5 mL / 298.15 K / 60 mL · 323.15 K = 9151.8 Pa; u: the BME280's 12 Pa / √3 relative accuracy,
        // 6.93 Pa of 9151.8 Pa, is 7.6e-4 of 60 mL = 0.045 mL
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("pouch A1: gas volume 60.00 ± 0.05 mL", stdout, StringComparison.Ordinal);
        Assert.Contains("step 9151.8 Pa", stdout, StringComparison.Ordinal);
        Assert.Contains("gas at 25 °C, 101.325 kPa", stdout, StringComparison.Ordinal);
        Assert.Contains("gasVolumeMl 60, gasVolumeUncertaintyMl 0.045", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_DryFlag_FitsWithoutVapour()
    {
        // At a constant temperature the vapour is the same before and after, so the volume is the same either way.
        var (exitCode, stderr, stdout) = await PouchmonProcess.Run(
            "calibrate", "--readings", WriteReadings(60), "--pouch", "A1", "--at", InjectedAt, "--injected-ml", "5", "--dry");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("gas volume 60.00 ± 0.05 mL", stdout, StringComparison.Ordinal);
        Assert.Contains("dry gas", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--at", "yesterday", "pouchmon calibrate: --at: 'yesterday' is not an ISO 8601 time")]
    [InlineData("--at", "2026-12-02T01:00:00Z", "pouchmon calibrate: pouch A1: the window before the injection at 2026-12-02 01:00:00 +00:00 holds 0 readings")]
    [InlineData("--injected-ml", "-5", "pouchmon calibrate: pouch A1: The injected volume must be a positive number of mL.")]
    [InlineData("--pouch", "B9", "no usable reading of pouch 'B9'")]
    public async Task Calibrate_BadInput_ExitsTwoWithOneLine(string option, string value, string expected)
    {
        var args = new Dictionary<string, string> { ["--pouch"] = "A1", ["--at"] = InjectedAt, ["--injected-ml"] = "5" };
        args[option] = value;

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            ["calibrate", "--readings", WriteReadings(60), .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Calibrate_BothSources_ExitsTwoWithOneLine()
    {
        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "calibrate", "--readings", WriteReadings(60), "--data", _folder.Path, "--experiment", "e", "--pouch", "A1", "--at", InjectedAt, "--injected-ml", "5");

        Assert.Equal(2, exitCode);
        Assert.Equal("pouchmon calibrate: give either --readings FILE [--dry] or --data FOLDER --experiment NAME", stderr.Trim());
    }

    [Fact]
    public async Task Calibrate_FolderWithoutStore_ExitsTwoWithOneLine()
    {
        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "calibrate", "--data", _folder.Path, "--experiment", "e", "--pouch", "A1", "--at", InjectedAt, "--injected-ml", "5");

        Assert.Equal(2, exitCode);
        Assert.Contains("not a data folder of the host", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    // A1: a wet headspace of volumeMl at 50 °C sealed at 101 325 Pa, 5 mL of air at 25 °C, 101 325 Pa injected at 1 h, a reading a
    // minute for 2 h; a second pouch's rows between them.
    private string WriteReadings(double volumeMl)
    {
        double pw = WaterVapour.SaturationPressurePa(50), startMol = IdealGas.Moles(101_325 - pw, volumeMl, 50);
        double injectedMol = 101_325 * 5e-6 / (IdealGas.MolarGasConstant * 298.15);
        var csv = new StringBuilder("time,pouch,pressure_pa,temperature_c\n");
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        for (int m = 0; m < 120; m++)
        {
            double moles = startMol + (m >= 60 ? injectedMol : 0);
            double pressurePa = (moles * IdealGas.MolarGasConstant * 323.15 / (volumeMl * 1e-6)) + pw;
            csv.Append(CultureInfo.InvariantCulture, $"{start.AddMinutes(m):yyyy-MM-ddTHH:mm:ssZ},A1,{pressurePa:R},50\n");
            csv.Append(CultureInfo.InvariantCulture, $"{start.AddMinutes(m):yyyy-MM-ddTHH:mm:ssZ},A2,101325,50\n");
        }

        string path = Path.Combine(_folder.Path, "readings.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
