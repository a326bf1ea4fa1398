using System.Globalization;
using PouchMonitor.Analysis;
using PouchMonitor.Simulator;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// Issue 10's targets measured on generated realistic runs (<see cref="RealisticRun"/>): headspace 20 and 60 mL,
/// pouch-in-jar 100 and 500 mL, ripple periods 25, 40 and 60 min; coated (no gas), bare (seed curve, GC samples on days
/// 3 and 13, a headspace vented whenever it passes 105 kPa) and a leaking coated vessel (0.5 mL d⁻¹ from day 5) of each,
/// computed as the recommended experiment asks (120-min window baselines, extrapolated event gaps, evolved-share H₂,
/// 10-min settle) and each corrected by a blank: a coated vessel of the same kind and volume in the same oven, its own
/// sensor, the same baseline time. Then the demo's seed replay. Prints each figure next to its target.
/// </summary>
internal static class TargetsReport
{
    private static readonly (VesselKind Kind, double VolumeMl)[] Vessels =
        [(VesselKind.Headspace, 20), (VesselKind.Headspace, 60), (VesselKind.PouchInJar, 100), (VesselKind.PouchInJar, 500)];

    private static readonly double[] RipplePeriodsMinutes = [25, 40, 60];
    private static readonly TimeSpan LeakFrom = TimeSpan.FromDays(5);
    private static readonly GompertzKinetics Coated = new(0, 1, 0);
    private static readonly TimeSpan[] GcAt = [.. SeedExperiment.GcDays.Select(TimeSpan.FromDays)];
    private const double VentAbovePa = 105_000;

    private static readonly ExperimentSettings Recommended = ExperimentSettings.Default with
    {
        EventSettle = TimeSpan.FromMinutes(10),
        BaselineWindow = TimeSpan.FromMinutes(120),
        EventGap = EventGap.Extrapolate,
        H2Method = H2Method.EvolvedShare,
    };

    public static async Task<int> RunAsync(bool skipSeedReplay)
    {
        Console.WriteLine("Targets of issue 10 on generated runs: 14 days at 10 s, 3-min sensor lag, ±0.25 K ripple, 0.3 K offset, drift,");
        Console.WriteLine("0.005 K noise in 0.01 K steps, 0.2 Pa; mL g⁻¹ slurry of dry gas at 0 °C, 101.325 kPa; 120-min window baselines,");
        Console.WriteLine("extrapolated event gaps, evolved-share H₂, 10-min settle; each vessel corrected by a blank (coated vessel of its");
        Console.WriteLine("kind and volume, own sensor, same oven and baseline time). Bare vessels: GC samples (H₂, N₂, O₂) on days 3 and 13,");
        Console.WriteLine("a headspace vented to 100 kPa whenever it passes 105 kPa. Coverage: |final error| / 2u of the report's summary.");
        Console.WriteLine();
        Console.WriteLine(Invariant($"{"vessel",-20} {"ripple",7} {"vents",5} {"clean flags",11} {"leak delay h",12} {"coated |hourly err|",19} {"coated 3σ",9} {"bare day-14 err",15} {"bare H₂ |rel err|",17} {"coated |e|/2u",13} {"bare |e|/2u",11} {"H₂ |e|/2u",9}"));
        var rows = new List<TargetRow>();
        int seed = 1;
        var phases = new Random(1);
        foreach (var (kind, volumeMl) in Vessels)
        {
            foreach (double periodMinutes in RipplePeriodsMinutes)
            {
                var baselineAt = TimeSpan.FromHours(1) + (TimeSpan.FromMinutes(periodMinutes) * phases.NextDouble());
                var row = Measure(kind, volumeMl, TimeSpan.FromMinutes(periodMinutes), baselineAt, ref seed);
                rows.Add(row);
                Console.WriteLine(Invariant(
                    $"{Name(kind, volumeMl),-20} {periodMinutes,4:0} min {row.Vents,5} {row.CleanFlags,11} {row.LeakDelayH,12:F1} {row.CoatedError,19:F4} {row.CoatedLimit,9:F4} {row.BareError,15:F4} {row.BareH2RelativeError,16:P2} {Ratio(row.CoatedCoverage.GasError, row.CoatedCoverage.GasU),13:F2} {Ratio(row.BareCoverage.GasError, row.BareCoverage.GasU),11:F2} {Ratio(row.BareCoverage.H2Error, row.BareCoverage.H2U),9:F2}"));
            }
        }

        Console.WriteLine();
        bool met = PrintTargets(rows);
        Console.WriteLine();
        if (!skipSeedReplay)
        {
            met &= await SeedReplayFigures.RunAsync().ConfigureAwait(false);
        }

        Console.WriteLine(met ? "All targets met." : "Some targets NOT met (above).");
        return 0;
    }

    private static TargetRow Measure(VesselKind kind, double volumeMl, TimeSpan period, TimeSpan baselineAt, ref int seed)
    {
        int first = seed;
        seed += 4;
        RealisticRun NewRun(GompertzKinetics kinetics, TimeSpan? leakFrom, int offset) => new(kind, volumeMl, period, kinetics, leakFrom, first + offset, baselineAt, Recommended);
        var blank = new BlankSeries();
        var blankRun = NewRun(Coated, null, 0).Execute();
        blankRun.Points.ForEach(blank.Add);
        var coated = Blanked(NewRun(Coated, null, 1), blank);
        var bare = Blanked(NewRun(SeedExperiment.BareSilicon, null, 2) with { GcAt = GcAt, VentAbovePa = kind == VesselKind.Headspace ? VentAbovePa : null }, blank);
        var leak = Blanked(NewRun(Coated, LeakFrom, 3), blank);
        var leakHours = Flagged(leak.Points).Select(p => (p.Time - (RealisticRun.Start + LeakFrom)).TotalHours).ToList();
        var errors = HourlyErrors(coated, p => p.DryGasMlStdPerG);
        return new TargetRow(
            bare.Events.Count(e => e.Kind == VesselEventKind.Vent),
            Flagged(coated.Points).Count() + Flagged(bare.Points).Count() + leakHours.Count(h => h < 0),
            leakHours.Where(h => h >= 0).DefaultIfEmpty(double.PositiveInfinity).Min(),
            errors.Max(e => Math.Abs(e.Error)),
            3 * StandardDeviation([.. errors.Select(e => e.Error)]),
            Math.Abs(HourlyErrors(bare, p => p.DryGasMlStdPerG).Single(e => e.Hour == (14 * 24) - 1).Error),
            H2RelativeError(bare),
            RunCoverage.Measure(coated, Recommended, (blankRun, blank)),
            RunCoverage.Measure(bare, Recommended, (blankRun, blank)));
    }

    private static bool PrintTargets(List<TargetRow> rows)
    {
        bool met = true;
        void Line(string what, double value, string unit, double target, bool atMost = true)
        {
            bool ok = atMost ? value <= target : value >= target;
            met &= ok;
            Console.WriteLine(Invariant($"{what}: {value:0.####}{unit} (target {(atMost ? "≤" : "≥")} {target:0.####}{unit}){(ok ? "" : "  NOT MET")}"));
        }

        Line("leak-suspected on clean vessels, readings", rows.Sum(r => r.CleanFlags), "", 0);
        Line("0.5 mL d⁻¹ leak flagged after at most", rows.Max(r => r.LeakDelayH), " h", 6);
        Line("coated: hourly means within", rows.Max(r => r.CoatedError), " mL g⁻¹ of the truth", 0.005);
        Line("coated: detection limit, 3σ of hourly means", rows.Max(r => r.CoatedLimit), " mL g⁻¹", 0.01);
        Line("bare: day 14 (hourly mean) within", rows.Max(r => r.BareError), " mL g⁻¹ of the truth", 0.05);
        Line("bare: H₂ (evolved-share, hourly means after the first GC sample) within, %", 100 * rows.Max(r => r.BareH2RelativeError), " %", 1);
        int covered = rows.Count(r => r.CoatedCoverage.Covered) + rows.Count(r => r.BareCoverage.Covered);
        Line("runs whose final gas and H₂ errors are within 2u of the report (coated and bare; leaking runs are not corrected, left out)", covered, Invariant($" of {2 * rows.Count}"), 2 * rows.Count, atMost: false);
        return met;
    }

    // The run's points with the blank's apparent gas subtracted, as convert and serve do (same vessel: scale 1).
    private static RunOutcome Blanked(RealisticRun run, BlankSeries blank)
    {
        var outcome = run.Execute();
        return outcome with { Points = [.. outcome.Points.Select(p => BlankCorrection.Apply(p, outcome.Spec, outcome.Spec.Vessel, blank, Recommended.Standard))] };
    }

    private static IEnumerable<GasPoint> Flagged(List<GasPoint> points) => points.Where(p => (p.Flags & GasFlags.LeakSuspected) != 0);

    // Hourly means from the baseline of (computed − true) per g over settled points, one per whole hour with a value.
    private static List<(int Hour, double Error)> HourlyErrors(RunOutcome run, Func<GasPoint, double?> value) =>
        HourlyMeans(run, value, (p, truth) => value(p)!.Value - truth);

    private static List<(int Hour, double Mean)> HourlyMeans(RunOutcome run, Func<GasPoint, double?> value, Func<GasPoint, double, double> of) =>
        [.. run.Points.Select((p, i) => (Hour: (int)Math.Floor((p.Time - run.Baseline).TotalHours), Point: p, Truth: run.TruthMlPerG[i]))
            .Where(x => x.Hour < 14 * 24 && (x.Point.Flags & GasFlags.Settling) == 0 && value(x.Point) is not null)
            .GroupBy(x => x.Hour)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Average(x => of(x.Point, x.Truth))))];

    // Largest |hourly mean H₂ − truth| / truth over the whole hours after the first GC sample.
    private static double H2RelativeError(RunOutcome run)
    {
        double firstGcHours = (run.Gc[0].Time - run.Baseline).TotalHours;
        var truth = HourlyMeans(run, p => p.H2MlStdPerG, (_, t) => t).ToDictionary(m => m.Hour, m => m.Mean);
        return HourlyErrors(run, p => p.H2MlStdPerG).Where(e => e.Hour >= Math.Ceiling(firstGcHours)).Max(e => Math.Abs(e.Error) / truth[e.Hour]);
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static double Ratio(double? error, double? u) => error is { } e && u is { } s ? Math.Abs(e) / (2 * s) : double.NaN;

    private static string Name(VesselKind kind, double volumeMl) =>
        Invariant($"{(kind == VesselKind.Headspace ? "headspace" : "pouch-in-jar")} {volumeMl:0} mL");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record TargetRow(
        int Vents, int CleanFlags, double LeakDelayH, double CoatedError, double CoatedLimit, double BareError, double BareH2RelativeError,
        RunCoverage CoatedCoverage, RunCoverage BareCoverage);
}
