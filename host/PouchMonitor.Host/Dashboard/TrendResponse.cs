namespace PouchMonitor.Host.Dashboard;

/// <summary>The trend chart's data: every pouch's curve against elapsed days, downsampled per pixel column.</summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Quantity"><c>gas</c> (total dry gas) or <c>h2</c>.</param>
/// <param name="Basis"><c>slurry</c> or <c>active</c>: the mass the volume is divided by.</param>
/// <param name="Unit">Unit of every value, e.g. "mL g⁻¹ slurry".</param>
/// <param name="StandardConditions">The conditions the volumes are given at, e.g. "mL at 0 °C, 101.325 kPa".</param>
/// <param name="XUnit">Unit of the x values: "d" (days since each pouch's baseline).</param>
/// <param name="FromDays">Left edge of the range.</param>
/// <param name="ToDays">Right edge of the range.</param>
/// <param name="Columns">Pixel columns the range was split into; 0 when every point is returned.</param>
/// <param name="Series">One curve per pouch that has data (pouches without an active mass are left out of the active basis).</param>
/// <param name="Markers">Events, GC samples and alerts.</param>
public sealed record TrendResponse(
    string Experiment,
    string Quantity,
    string Basis,
    string Unit,
    string StandardConditions,
    string XUnit,
    double FromDays,
    double ToDays,
    int Columns,
    IReadOnlyList<TrendSeries> Series,
    IReadOnlyList<TrendMarker> Markers);
