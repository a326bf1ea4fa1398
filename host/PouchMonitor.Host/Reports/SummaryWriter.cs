using System.Globalization;
using System.Text;
using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Reports;

/// <summary>Writes summary.csv and summary.md (docs/reports.md).</summary>
internal static class SummaryWriter
{
    private static readonly string[] Quantities =
        ["final_dry_gas_ml_std_per_g", "final_dry_gas_ml_std_per_g_active", "final_h2_ml_std_per_g", "max_rate_ml_std_per_g_h", "threshold_day"];

    /// <summary>The columns of summary.csv, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "pouch", "sample", "baseline", "last_day",
        .. Quantities[..4].SelectMany(Columns),
        "max_rate_at_day", "max_rate_at",
        .. Columns(Quantities[4]),
        "threshold_at",
        // The final gas's budget beyond the sensor and the noise, and what each part came from (summary.md's budget table).
        .. new[] { "gas_temperature", "events", "volume", "blank" }.Select(part => $"{Quantities[0]}_u_{part}"),
        "gas_temperature_u_k", "gas_temperature_u_from", "events", "gas_volume_ml", "gas_volume_u_ml", "blank", "blank_share_ml_std_per_g",
    ];

    public static void WriteCsv(string path, IEnumerable<PouchSummary> summaries)
    {
        var text = new StringBuilder().AppendJoin(',', CsvColumns).Append('\n');
        foreach (var s in summaries)
        {
            var m = s.Metrics;
            string[] fields =
            [
                s.PouchId, s.Sample, Time(m?.BaselineTime), Number(m?.LastDays),
                .. Fields(s.FinalMlPerG), .. Fields(s.FinalMlPerGActive), .. Fields(s.FinalH2MlPerG), .. Fields(s.MaxRateMlPerGPerH),
                Number(m?.MaxRateAtDays), Time(m?.BaselineTime, m?.MaxRateAtDays),
                .. Fields(s.ThresholdDays),
                Time(m?.BaselineTime, m?.ThresholdDays),
                .. BudgetFields(s.FinalMlPerG, s.Budget),
            ];
            text.AppendJoin(',', fields.Select(CsvText.Field)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>summary.md: the summary table, the final gas's uncertainty budget and the kinetics.</summary>
    public static string Markdown(
        string experiment, StandardConditions standard, ReportOptions options, IReadOnlyList<PouchSummary> summaries, ReportKinetics kinetics)
    {
        string window = Invariant($"{options.RateWindow.TotalHours:0.##} h");
        var md = new StringBuilder()
            .Append(Invariant($"# Gas evolution report: {experiment}\n\n"))
            .Append(Invariant($"Volumes in mL of dry gas at {StandardLabel.Of(standard)}, per g of slurry unless named otherwise. "))
            .Append(Invariant($"Maximum rate over a {window} window; threshold {options.ThresholdMlPerG:G6} mL g⁻¹ slurry. "))
            .Append("Each number ± its combined standard uncertainty (k = 1) from the sensor's stated accuracy and the readings' noise; ")
            .Append("method in docs/reports.md.\n\n")
            .Append("| pouch | sample | final (mL g⁻¹) | final (mL g⁻¹ active) | H₂ (mL g⁻¹) | max rate (mL g⁻¹ h⁻¹) | max rate at (day) | threshold at (day) |\n")
            .Append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var s in summaries)
        {
            md.Append(Invariant($"| {s.PouchId} | {s.Sample} | {Shown(s.FinalMlPerG)} | {Shown(s.FinalMlPerGActive)} | {Shown(s.FinalH2MlPerG)} | "))
                .Append(Invariant($"{Shown(s.MaxRateMlPerGPerH)} | {Shown(s.Metrics?.MaxRateAtDays)} | {(s.Metrics is null ? "no readings" : Shown(s.ThresholdDays, "not reached"))} |\n"));
        }

        AppendBudget(md, options.Accuracy, summaries);
        KineticsWriter.AppendMarkdown(md, kinetics);
        return md.ToString();
    }

    private static void AppendBudget(StringBuilder md, SensorAccuracy accuracy, IReadOnlyList<PouchSummary> summaries)
    {
        md.Append("\n## Uncertainty budget of the final gas (mL g⁻¹ slurry, standard uncertainties)\n\n")
            .Append(Invariant($"| pouch | pressure offset (±{accuracy.AbsolutePressurePa / 100:0.###} hPa) | pressure difference (±{accuracy.RelativePressurePa / 100:0.###} hPa) | "))
            .Append(Invariant($"temperature (±{accuracy.TemperatureC:0.##} °C) | noise | sensor-to-gas temperature | events | vessel volume | blank | combined |\n"))
            .Append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var s in summaries.Where(s => s is { FinalMlPerG: not null, Budget: not null }))
        {
            var (u, b) = (s.FinalMlPerG!, s.Budget!);
            md.Append(Invariant($"| {s.PouchId} | {Small(u.AbsolutePressureU)} | {Small(u.RelativePressureU)} | {Small(u.TemperatureU)} | {Small(u.NoiseU)} | "))
                .Append(Invariant($"{Small(u.GasTemperatureU)} (±{b.GasTemperatureK:0.##} K, {Origin(b.GasTemperatureOrigin)}) | "))
                .Append(Invariant($"{Small(u.EventsU)} ({b.Events} event{(b.Events == 1 ? "" : "s")}) | "))
                .Append(Invariant($"{Small(u.VolumeU)} ({Volume(b)}) | {Blank(u, b)} | {Small(u.TotalU)} |\n"));
        }
    }

    private static string Origin(GasTemperatureOrigin origin) => origin switch
    {
        GasTemperatureOrigin.Given => "experiment.json",
        GasTemperatureOrigin.Ripple => "from the measured ripple",
        _ => "default",
    };

    private static string Volume(BudgetInputs b) => b.VolumeUncertaintyMl > 0
        ? $"{UncertainText.Format(b.VolumeMl, b.VolumeUncertaintyMl)} mL"
        : Invariant($"{b.VolumeMl:0.###} mL, no ± given");

    private static string Blank(Uncertain u, BudgetInputs b) => b switch
    {
        { BlankId: null } => "0 (no blank)",
        { BlankShareMlPerG: { } share } => $"{Small(u.BlankU)} (share {UncertainText.Format(share, u.BlankU)} of {b.BlankId})",
        _ => $"{Small(u.BlankU)} (no share of {b.BlankId} at the last reading)",
    };

    private static IEnumerable<string> Columns(string quantity) => [quantity, quantity + "_u", quantity + "_u_sensor", quantity + "_u_noise"];

    private static string[] BudgetFields(Uncertain? u, BudgetInputs? b) =>
        u is null || b is null
            ? ["", "", "", "", "", "", "", "", "", "", ""]
            :
            [
                Number(u.GasTemperatureU), Number(u.EventsU), Number(u.VolumeU), Number(u.BlankU),
                Number(b.GasTemperatureK), Origin(b.GasTemperatureOrigin), b.Events.ToString(CultureInfo.InvariantCulture),
                Number(b.VolumeMl), Number(b.VolumeUncertaintyMl), b.BlankId ?? "", Number(b.BlankShareMlPerG),
            ];

    private static string[] Fields(Uncertain? u) =>
        u is null ? ["", "", "", ""] : [Number(u.Value), Number(u.TotalU), Number(u.SensorU), Number(u.NoiseU)];

    private static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    private static string Time(DateTimeOffset? baseline, double? days = 0) =>
        baseline is { } b && days is { } d ? (b + TimeSpan.FromDays(d)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static string Shown(Uncertain? u, string missing = "—") =>
        u is null ? missing : UncertainText.Format(u.Value, u.TotalU);

    private static string Shown(double? value) => value is { } v ? Invariant($"{v:0.00}") : "—";

    private static string Small(double value) => double.IsFinite(value) ? Invariant($"{value:G2}") : "—";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
