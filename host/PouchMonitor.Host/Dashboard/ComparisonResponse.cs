namespace PouchMonitor.Host.Dashboard;

/// <summary>Several experiments on one chart against days since each pouch's baseline: group bands and single pouches.</summary>
/// <param name="Quantity"><c>gas</c> (total dry gas) or <c>h2</c>.</param>
/// <param name="Basis"><c>slurry</c> or <c>active</c>.</param>
/// <param name="Unit">Unit of every value, e.g. "mL g⁻¹ slurry".</param>
/// <param name="StandardConditions">The conditions the volumes are given at, e.g. "mL at 0 °C, 101.325 kPa" (the same for every experiment).</param>
/// <param name="XUnit">"d": days since each pouch's baseline.</param>
/// <param name="FromDays">Left edge of the range.</param>
/// <param name="ToDays">Right edge of the range.</param>
/// <param name="Columns">Pixel columns: the single pouches keep at most four points per column, the bands at most one.</param>
/// <param name="BandStepDays">Grid step of the bands, days (at least one hour).</param>
/// <param name="Experiments">The experiments in the order asked for.</param>
public sealed record ComparisonResponse(
    string Quantity,
    string Basis,
    string Unit,
    string StandardConditions,
    string XUnit,
    double FromDays,
    double ToDays,
    int Columns,
    double BandStepDays,
    IReadOnlyList<ComparedExperiment> Experiments);
