using System.Globalization;
using System.Text;
using PouchMonitor.Analysis.Kinetics;

namespace PouchMonitor.Host.Reports;

/// <summary>The kinetics part of summary.md and kinetics.csv (docs/reports.md).</summary>
internal static class KineticsWriter
{
    /// <summary>The columns of kinetics.csv, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "curve", "kind", "members",
        .. new[] { "a_ml_std_per_g", "mu_ml_std_per_g_d", "lambda_d" }.SelectMany(q => new[] { q, q + "_se", q + "_low95", q + "_high95" }),
        "residual_sd_ml_std_per_g", "points",
    ];

    public static void WriteCsv(string path, ReportKinetics kinetics)
    {
        var text = new StringBuilder().AppendJoin(',', CsvColumns).Append('\n');
        foreach (var row in kinetics.Fits)
        {
            var f = row.Fit;
            string[] fields =
            [
                row.Curve, row.Kind, string.Join(';', row.Members),
                .. Fields(f?.MaxValue), .. Fields(f?.MaxRatePerDay), .. Fields(f?.LagDays),
                Number(f?.ResidualSd), f?.PointCount.ToString(CultureInfo.InvariantCulture) ?? "",
            ];
            text.AppendJoin(',', fields.Select(CsvText.Field)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    public static void AppendMarkdown(StringBuilder md, ReportKinetics kinetics)
    {
        if (kinetics.Groups.Count > 0)
        {
            md.Append("\n## Replicate groups (mL g⁻¹ slurry, mean ± SD of the pouches at the last common day)\n\n")
                .Append("| group | pouches | day | mean ± SD |\n| --- | --- | --- | --- |\n");
            foreach (var g in kinetics.Groups.Where(g => g.Days.Length > 0))
            {
                md.Append(Invariant($"| {g.Group} | {g.Members} | {g.Days[^1]:0.00} | {UncertainText.Format(g.Mean[^1], g.Sd[^1])} |\n"));
            }
        }

        md.Append("\n## Modified Gompertz fits\n\n")
            .Append("y = A · exp(−exp(μm · e / A · (λ − t) + 1)) (Zwietering et al. 1990), least squares on hourly means; ")
            .Append("value ± standard error, then the 95 % interval. A group is fitted on its pouches' points together.\n\n")
            .Append("| curve | A (mL g⁻¹) | A 95 % | μm (mL g⁻¹ d⁻¹) | μm 95 % | λ (d) | λ 95 % | s (mL g⁻¹) | n |\n")
            .Append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var row in kinetics.Fits)
        {
            string name = row.Kind == "group" ? $"group {row.Curve}" : row.Curve;
            md.Append(row.Fit is { } f
                ? Invariant($"| {name} | {Shown(f.MaxValue)} | {Interval(f.MaxValue)} | {Shown(f.MaxRatePerDay)} | {Interval(f.MaxRatePerDay)} | {Shown(f.LagDays)} | {Interval(f.LagDays)} | {f.ResidualSd:G2} | {f.PointCount} |\n")
                : $"| {name} | no fit (too few points, no rise, or no convergence) | | | | | | | |\n");
        }
    }

    private static string Shown(FittedParameter p) => UncertainText.Format(p.Value, p.StandardError);

    private static string Interval(FittedParameter p) =>
        $"{UncertainText.Rounded(p.Lower95, p.StandardError)} – {UncertainText.Rounded(p.Upper95, p.StandardError)}";

    private static string[] Fields(FittedParameter? p) =>
        p is null ? ["", "", "", ""] : [Number(p.Value), Number(p.StandardError), Number(p.Lower95), Number(p.Upper95)];

    private static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
