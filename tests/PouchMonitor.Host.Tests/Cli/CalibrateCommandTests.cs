using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PouchMonitor.Analysis;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Cli;

/// <summary>`pouchmon calibrate` as a user runs it: a separate process, its exit code, stdout and stderr.</summary>
public sealed partial class CalibrateCommandTests : IDisposable
{
    private const string InjectedAt = "2026-12-01T01:00:00Z";
    private const string StoreDevice = "cal-1";
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

    [Fact]
    public async Task CalibrateData_StoreOfAHostFedTheInjection_FitsTheTrueVolumeWithinItsUncertainty()
    {
        await FeedStoreAsync();

        var (exitCode, stderr, stdout) = await PouchmonProcess.Run(
            "calibrate", "--data", _folder.Path, "--experiment", "calib", "--pouch", "H1", "--at", InjectedAt, "--injected-ml", "5");

        // The vessel holds 100 mL; experiment.json says 95 (as built). ΔP = 101 325 Pa · 5 mL / 298.15 K / 100 mL · 323.15 K
        // = 5491.1 Pa; u: the BME280's 6.93 Pa of it, 1.26e-3 of 100 mL = 0.126 mL, and the 2-Pa noise's 0.01 mL.
        Assert.True(exitCode == 0, stderr);
        var fitted = VolumeLine().Match(stdout);
        Assert.True(fitted.Success, stdout);
        double volumeMl = double.Parse(fitted.Groups["v"].Value, CultureInfo.InvariantCulture);
        double uMl = double.Parse(fitted.Groups["u"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(uMl, 0.12, 0.14);
        Assert.InRange(volumeMl, 100 - uMl, 100 + uMl);
        Assert.Contains("wet gas", stdout, StringComparison.Ordinal);
        Assert.Contains("(now 95)", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("B9", "pouchmon calibrate: experiment 'calib' has no pouch 'B9'")]
    [InlineData("H2", "pouchmon calibrate: pouch H2: the gas did not rise at the injection at 2026-12-01 01:00:00 +00:00 (step 0.0 Pa)")]
    public async Task CalibrateData_UnknownPouchOrNoInjection_ExitsTwoWithOneLine(string pouch, string expected)
    {
        await FeedStoreAsync();

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "calibrate", "--data", _folder.Path, "--experiment", "calib", "--pouch", pouch, "--at", InjectedAt, "--injected-ml", "5");

        Assert.Equal(2, exitCode);
        Assert.Equal(expected, stderr.Trim());
    }

    [GeneratedRegex(@"^pouch H1: gas volume (?<v>[0-9.]+) ± (?<u>[0-9.]+) mL", RegexOptions.Multiline)]
    private static partial Regex VolumeLine();

    // A host's store with experiment "calib": H1 on sensor 0 a wet 100 mL headspace (its file says 95 mL) at 50 °C sealed at
    // 101 325 Pa, 5 mL of air at 25 °C, 101 325 Pa injected at 1 h, 2 Pa of noise; H2 on sensor 1 steady, nothing injected.
    // A reading a minute for 2 h, sent as the board's batches are; the host is stopped before the CLI reads the folder.
    private async Task FeedStoreAsync()
    {
        string experiment = Path.Combine(_folder.Path, "experiment.json");
        File.WriteAllText(experiment, $$$"""
            {"experiment":"calib","pouches":[
             {"id":"H1","sample":"blank","slurryMassG":1,"vessel":{"kind":"headspace","gasVolumeMl":95,"wet":true},"source":{"device":"{{{StoreDevice}}}","sensor":0}},
             {"id":"H2","sample":"blank","slurryMassG":1,"vessel":{"kind":"headspace","gasVolumeMl":95,"wet":true},"source":{"device":"{{{StoreDevice}}}","sensor":1}}]}
            """);
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path,
            ["Experiments:Files:0"] = experiment,
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        var ingestor = host.Get<MessageIngestor>();
        foreach (var batch in StoreReadings().Chunk(ContractV1.MaxReadingsPerBatch).Select(Batch))
        {
            await ingestor.HandleAsync(Topics.Readings(StoreDevice), new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(batch)));
        }
    }

    private static IEnumerable<(long Seq, DateTimeOffset Time, int Sensor, double PressurePa)> StoreReadings()
    {
        const double volumeMl = 100;
        double pw = WaterVapour.SaturationPressurePa(50), startMol = IdealGas.Moles(101_325 - pw, volumeMl, 50);
        double injectedMol = 101_325 * 5e-6 / (IdealGas.MolarGasConstant * 298.15);
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(10);
        for (int m = 0; m < 120; m++)
        {
            double moles = startMol + (m >= 60 ? injectedMol : 0);
            double noisePa = 2 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            yield return (2 * m, start.AddMinutes(m), 0, (moles * IdealGas.MolarGasConstant * 323.15 / (volumeMl * 1e-6)) + pw + noisePa);
            yield return ((2 * m) + 1, start.AddMinutes(m), 1, 101_325);
        }
    }

    private static string Batch((long Seq, DateTimeOffset Time, int Sensor, double PressurePa)[] readings) => JsonSerializer.Serialize(new
    {
        v = 1,
        device = StoreDevice,
        boot = 1,
        readings = readings.Select(r => new { seq = r.Seq, up = r.Seq * 1000, t = r.Time.ToUnixTimeMilliseconds(), s = r.Sensor, p = r.PressurePa, c = 50.0 }),
    });

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
