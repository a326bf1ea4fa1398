namespace PouchMonitor.Host.Dashboard;

/// <summary>An event or alert placed on a pouch's trend curve.</summary>
/// <param name="Pouch">Pouch id.</param>
/// <param name="Kind"><c>sample</c>, <c>vent</c>, <c>gc</c> or <c>alert</c>.</param>
/// <param name="Label">One line for the tooltip.</param>
/// <param name="Days">Elapsed days since the pouch's baseline.</param>
/// <param name="Value">The curve's value there, in the response's unit; null before the curve starts.</param>
public sealed record TrendMarker(string Pouch, string Kind, string Label, double Days, double? Value);
