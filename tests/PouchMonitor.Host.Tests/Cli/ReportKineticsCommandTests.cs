using System.Globalization;
using System.Text;
using PouchMonitor.Analysis;
using PouchMonitor.Analysis.Kinetics;
using PouchMonitor.Host.Reports;
using PouchMonitor.Host.Tests.Conversion;

namespace PouchMonitor.Host.Tests.Cli;

/// <summary>`pouchmon report` on replicates: group mean ± SD, Gompertz fits with intervals and the rate plot.</summary>
public class ReportKineticsCommandTests
{
    private const double GasVolumeMl = 100, SlurryMassG = 1.1, TemperatureC = 50, StartPa = 90_000;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    // Triplicate plateaus 4.8, 5.0 and 5.2 mL g⁻¹ (mean 5.0, SD 0.2), 1.0 mL g⁻¹ d⁻¹, lag 1 d; a fourth pouch alone.
    private static readonly (string Id, string? Group, ModifiedGompertz Curve)[] Pouches =
    [
        ("R1", "mSi", new(4.8, 1.0, 1.0)),
        ("R2", "mSi", new(5.0, 1.0, 1.0)),
        ("R3", "mSi", new(5.2, 1.0, 1.0)),
        ("C1", null, new(2.0, 0.5, 2.0)),
    ];

    [Fact]
    public async Task Report_ReplicateGroup_ShowsMeanAndSdFitsAndRatePlot()
    {
        using var workspace = new Workspace();
        string outDir = workspace.Path("report");

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "report", "--experiment", workspace.Write("experiment.json", ExperimentJson()), "--readings", workspace.Write("readings.csv", ReadingsCsv()),
            "--out-dir", outDir);

        Assert.True(exitCode == 0, stderr);
        foreach (string file in new[] { "groups.png", "groups.svg", "rate.png", "rate.svg", "kinetics.csv" })
        {
            Assert.True(new FileInfo(Path.Combine(outDir, file)).Length > 0, file);
        }

        string summary = File.ReadAllText(Path.Combine(outDir, ReportBuilder.SummaryMarkdown));
        // the evolved gas at day 14 is each curve's value less its value at the baseline (day 0)
        double[] day14 = [.. Pouches.Where(p => p.Group is not null).Select(p => p.Curve.ValueAt(14) - p.Curve.ValueAt(0))];
        double mean = day14.Average(), sd = Math.Sqrt(day14.Sum(v => (v - mean) * (v - mean)) / 2);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| mSi | 3 | 14.00 | {mean:F2} ± {sd:F2} |"), summary, StringComparison.Ordinal);
        var fits = File.ReadLines(Path.Combine(outDir, ReportBuilder.KineticsCsv)).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        Assert.Equal(["C1", "R1", "R2", "R3", "mSi"], fits.Keys); // pouches in output order (by id), then groups
        Assert.Equal("R1;R2;R3", fits["mSi"][2]);
        foreach (var (id, _, curve) in Pouches)
        {
            // noise-free readings: the fit is the curve itself, offset by its value at the baseline
            Assert.Equal(curve.MaxValue - curve.ValueAt(0), Number(fits[id][3]), 0.05);
            Assert.Equal(curve.LagDays, Number(fits[id][11]), 0.1);
        }

        Assert.InRange(Number(fits["mSi"][3]), 4.9, 5.1);
        Assert.Contains("| group mSi |", summary, StringComparison.Ordinal);
    }

    private static double Number(string field) => double.Parse(field, CultureInfo.InvariantCulture);

    private static string ExperimentJson() =>
        "{ \"experiment\": \"replicates\", \"pouches\": [" + string.Join(",", Pouches.Select(p => PouchJson(p.Id, p.Group))) + "] }";

    private static string PouchJson(string id, string? group) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{ \"id\": \"{id}\", \"sample\": \"{group ?? "coated"}\", {(group is null ? "" : $"\"group\": \"{group}\", ")}\"slurryMassG\": {SlurryMassG}, "
        + $"\"vessel\": {{ \"kind\": \"headspace\", \"gasVolumeMl\": {GasVolumeMl} }} }}");

    // Hourly readings for 14 days of a wet headspace at a constant 50 °C whose dry gas follows each pouch's curve.
    private static string ReadingsCsv()
    {
        var csv = new StringBuilder("time,pouch,pressure_pa,temperature_c\n");
        foreach (var (id, _, curve) in Pouches)
        {
            for (int hour = 0; hour <= 14 * 24; hour++)
            {
                double mlStd = curve.ValueAt(hour / 24.0) * SlurryMassG;
                double pressurePa = StartPa + (IdealGas.Moles(StandardConditions.Default.PressurePa, mlStd, 0) * IdealGas.MolarGasConstant
                    * (TemperatureC + IdealGas.ZeroCelsiusK) / (GasVolumeMl * 1e-6));
                csv.Append(CultureInfo.InvariantCulture, $"{Start.AddHours(hour):yyyy-MM-ddTHH:mm:ssZ},{id},{pressurePa:F3},{TemperatureC}\n");
            }
        }

        return csv.ToString();
    }
}
