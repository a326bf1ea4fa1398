using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Reports;

/// <summary>
/// A pouch's summary numbers with uncertainties (docs/reports.md). The sensor's stated accuracy is propagated
/// by running the real calculator again on readings shifted by ± each limit; the noise from the readings'
/// scatter. Limits are taken as rectangular distributions (standard uncertainty = limit / √3).
/// </summary>
internal static class PouchSummarizer
{
    private static readonly double RectangularToStandard = 1 / Math.Sqrt(3);

    /// <param name="pouch">The pouch.</param>
    /// <param name="inputs">The experiment.</param>
    /// <param name="points">The pouch's series, blank-corrected when it names a blank.</param>
    /// <param name="options">The report's options.</param>
    /// <param name="blank">For a pouch that names a blank: the blank's summary and series; null otherwise.</param>
    public static PouchSummary Summarize(
        PouchSpec pouch, ExperimentInputs inputs, IReadOnlyList<GasPoint> points, ReportOptions options, (PouchSpec Spec, PouchSummary Summary, BlankSeries Series)? blank = null)
    {
        var metrics = Measure(points, options);
        if (metrics is null)
        {
            return new PouchSummary(pouch.Id, pouch.Sample, null, null, null, null, null, null);
        }

        double?[] nominal = metrics.UncertainValues();
        var readings = points.Select(p => new PressureReading(p.Time, p.PressurePa, p.TemperatureC)).ToArray();
        int baseline = points.ToList().FindIndex(p => (p.Flags & GasFlags.Baseline) != 0);
        var accuracy = options.Accuracy;
        var (gasK, gasOrigin) = GasTemperatureUncertaintyK(pouch, inputs.Experiment.Settings, readings, baseline);
        double[][] sensor =
        [
            Part(pouch, inputs, readings, options, nominal, (r, _, sign) => r with { PressurePa = r.PressurePa + (sign * accuracy.AbsolutePressurePa) }),
            Part(pouch, inputs, readings, options, nominal, (r, i, sign) => i > baseline ? r with { PressurePa = r.PressurePa + (sign * accuracy.RelativePressurePa) } : r),
            Part(pouch, inputs, readings, options, nominal, (r, _, sign) => r with { TemperatureC = r.TemperatureC + (sign * accuracy.TemperatureC) }),
        ];
        double[] gasTemperature = Part(pouch, inputs, readings, options, nominal, (r, i, sign) => i > baseline ? r with { TemperatureC = r.TemperatureC + (sign * gasK) } : r, rectangular: false);
        double[] noise = Noise(pouch, points, metrics, options);
        int events = inputs.EventsOf(pouch.Id).Count(e => e.Time > metrics.BaselineTime && e.Time <= points[^1].Time);
        double relativeVolume = pouch.GasVolumeUncertaintyMl / pouch.Vessel.GasVolumeMl;
        double[] blankU = BlankParts(pouch, points, blank);
        Uncertain? At(int q) => nominal[q] is { } value
            ? new Uncertain(value, sensor[0][q], sensor[1][q], sensor[2][q], noise[q])
            {
                GasTemperatureU = gasTemperature[q],
                EventsU = q < 3 ? noise[q] * Math.Sqrt(events) : 0, // each ΔN: the noise of two more readings
                VolumeU = q < 4 ? Math.Abs(value) * relativeVolume : 0, // N, and so every volume, scales with V
                BlankU = blankU[q],
            }
            : null;
        return new PouchSummary(pouch.Id, pouch.Sample, metrics, At(0), At(1), At(2), At(3), At(4))
        {
            Budget = new BudgetInputs(
                gasK, gasOrigin, events, pouch.Vessel.GasVolumeMl, pouch.GasVolumeUncertaintyMl, pouch.BlankId,
                points[^1].BlankDryGasMlStd / pouch.SlurryMassG),
        };
    }

    /// <summary>
    /// gasTemperatureUncertaintyK as given; not given, with a baseline window (baselineMinutes) that from the ripple
    /// in the window's readings, without one (or with fewer than three readings in it) the fixed default.
    /// </summary>
    private static (double Kelvin, GasTemperatureOrigin Origin) GasTemperatureUncertaintyK(
        PouchSpec pouch, ExperimentSettings settings, PressureReading[] readings, int baseline)
    {
        if (settings.GasTemperatureUncertaintyK is { } givenK)
        {
            return (givenK, GasTemperatureOrigin.Given);
        }

        var window = pouch.BaselineWindow ?? settings.BaselineWindow;
        if (window <= TimeSpan.Zero || baseline < 0)
        {
            return (ExperimentSettings.DefaultGasTemperatureUncertaintyK, GasTemperatureOrigin.Default);
        }

        var start = readings[baseline].Time;
        PressureReading[] inWindow = [.. readings.Skip(baseline).TakeWhile(r => r.Time < start + window)];
        return (RippleTemperature.GasTemperatureUncertaintyK(inWindow), inWindow.Length >= RippleTemperature.MinimumReadings ? GasTemperatureOrigin.Ripple : GasTemperatureOrigin.Default);
    }

    /// <summary>
    /// Blank part of the final values (gas per g slurry and active, H₂ at the last H₂ fraction): the uncertainty of the
    /// blank share subtracted at the last reading, the blank's own final-gas u and the interpolation's, scaled by V / V_b.
    /// </summary>
    private static double[] BlankParts(PouchSpec pouch, IReadOnlyList<GasPoint> points, (PouchSpec Spec, PouchSummary Summary, BlankSeries Series)? blank)
    {
        if (blank is not { Summary.FinalMlPerG: { } blankFinal } b)
        {
            return new double[5];
        }

        var last = points[^1];
        double blankMl = blankFinal.TotalU * b.Spec.SlurryMassG;
        double shareMl = BlankCorrection.ShareUncertaintyMl(blankMl, b.Series.InterpolationUncertaintyMl(last.Time), pouch.Vessel, b.Spec.Vessel);
        return [shareMl / pouch.SlurryMassG, shareMl / (pouch.ActiveMassG ?? double.NaN), (last.H2Percent ?? 0) / 100 * shareMl / pouch.SlurryMassG, 0, 0];
    }

    /// <summary>Standard uncertainty of each number from shifting the readings by ± a limit (rectangular) or a standard uncertainty.</summary>
    private static double[] Part(
        PouchSpec pouch, ExperimentInputs inputs, PressureReading[] readings, ReportOptions options, double?[] nominal,
        Func<PressureReading, int, double, PressureReading> shift, bool rectangular = true)
    {
        double?[] plus = Recompute(pouch, inputs, readings.Select((r, i) => shift(r, i, +1)), options);
        double?[] minus = Recompute(pouch, inputs, readings.Select((r, i) => shift(r, i, -1)), options);
        return [.. nominal.Select((value, q) => Math.Abs(HalfChange(value, plus[q], minus[q])) * (rectangular ? RectangularToStandard : 1))];
    }

    private static PouchMetrics? Measure(IEnumerable<GasPoint> points, ReportOptions options) =>
        SeriesMetrics.Measure(points, options.ThresholdMlPerG, options.RateWindow);

    /// <summary>Half the change of a number between the +limit and −limit runs; one side alone when the other has no value.</summary>
    private static double HalfChange(double? nominal, double? plus, double? minus) => (nominal, plus, minus) switch
    {
        (null, _, _) => double.NaN,
        (_, { } p, { } m) => (p - m) / 2,
        (var n, { } p, null) => p - n!.Value,
        (var n, null, { } m) => n!.Value - m,
        _ => double.NaN,
    };

    private static double?[] Recompute(PouchSpec pouch, ExperimentInputs inputs, IEnumerable<PressureReading> readings, ReportOptions options) =>
        Measure(Computed(inputs.Calculator(pouch), readings), options)?.UncertainValues() ?? new double?[5];

    /// <summary>The calculator's points, as they come out: none is kept once measured.</summary>
    private static IEnumerable<GasPoint> Computed(PouchGasCalculator calculator, IEnumerable<PressureReading> readings)
    {
        var points = new List<GasPoint>();
        foreach (var reading in readings)
        {
            calculator.Add(reading, points);
            foreach (var point in points)
            {
                yield return point;
            }

            points.Clear();
        }

        calculator.Complete(points);
        foreach (var point in points)
        {
            yield return point;
        }
    }

    /// <summary>
    /// Noise part: a final value holds the noise of its own reading and of the baseline's (√2 σ); a rate over
    /// the window that of two readings (√2 σ / window); a crossing time that of the value divided by the slope.
    /// </summary>
    private static double[] Noise(PouchSpec pouch, IReadOnlyList<GasPoint> points, PouchMetrics metrics, ReportOptions options)
    {
        var settled = SeriesMetrics.Settled(points);
        double sigma = SeriesMetrics.NoiseSigma([.. settled.Select(p => p.DryGasMlStdPerG!.Value)]);
        double h2Sigma = SeriesMetrics.NoiseSigma([.. settled.Where(p => p.H2MlStdPerG is not null).Select(p => p.H2MlStdPerG!.Value)]);
        double final = Math.Sqrt(2) * sigma;
        return
        [
            final,
            final * pouch.SlurryMassG / (pouch.ActiveMassG ?? double.NaN),
            Math.Sqrt(2) * h2Sigma,
            final / options.RateWindow.TotalHours,
            metrics.ThresholdSlopeMlPerGPerDay is double slope and > 0 ? final / slope : double.NaN,
        ];
    }
}
