using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Reports;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// Whether a run's reported uncertainty covers its actual error: the report's summary (the same code as
/// <c>pouchmon report</c>) of the run's points, its final gas and H₂ against the truth at the last settled point.
/// </summary>
/// <param name="GasError">Final gas minus the truth, mL std g⁻¹ slurry.</param>
/// <param name="GasU">The summary's combined standard uncertainty of the final gas.</param>
/// <param name="H2Error">Final H₂ minus the truth (null without GC data).</param>
/// <param name="H2U">The summary's combined standard uncertainty of the final H₂.</param>
internal sealed record RunCoverage(double GasError, double GasU, double? H2Error, double? H2U)
{
    /// <summary>|error| ≤ 2u for the gas and, where there is one, the H₂.</summary>
    public bool Covered => Math.Abs(GasError) <= 2 * GasU && (H2Error is not { } h2 || Math.Abs(h2) <= 2 * H2U);

    /// <param name="run">The run, corrected by <paramref name="blank"/>.</param>
    /// <param name="settings">The experiment's settings.</param>
    /// <param name="blank">The blank's run and series, whose share's uncertainty the summary adds.</param>
    public static RunCoverage Measure(RunOutcome run, ExperimentSettings settings, (RunOutcome Run, BlankSeries Series) blank)
    {
        ArgumentNullException.ThrowIfNull(run);
        var blankSummary = Summarize(blank.Run, settings, null);
        var summary = Summarize(run, settings, (blank.Run.Spec, blankSummary, blank.Series));
        int last = run.Points.FindLastIndex(p => (p.Flags & (GasFlags.Settling | GasFlags.PreBaseline)) == 0 && p.DryGasMlStdPerG is not null);
        var point = run.Points[last];
        double truth = run.TruthMlPerG[last];
        return new RunCoverage(
            point.DryGasMlStdPerG!.Value - truth, summary.FinalMlPerG!.TotalU, point.H2MlStdPerG - truth, summary.FinalH2MlPerG?.TotalU);
    }

    private static PouchSummary Summarize(RunOutcome run, ExperimentSettings settings, (PouchSpec, PouchSummary, BlankSeries)? blank)
    {
        var experiment = new Experiment("targets", settings, [new ExperimentPouch(run.Spec, null)]);
        var inputs = new ExperimentInputs(
            experiment, [run.Spec], new Dictionary<string, List<VesselEvent>> { [run.Spec.Id] = run.Events },
            new Dictionary<string, List<GcResult>> { [run.Spec.Id] = run.Gc }, RunOutcome.OtherGases);
        return PouchSummarizer.Summarize(run.Spec, inputs, run.Points, ReportOptions.Default, blank);
    }
}
