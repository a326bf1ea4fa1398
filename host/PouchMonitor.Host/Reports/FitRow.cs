using PouchMonitor.Analysis.Kinetics;

namespace PouchMonitor.Host.Reports;

/// <summary>One modified-Gompertz fit of the report: a pouch's curve or a replicate group's pooled curves.</summary>
/// <param name="Curve">The pouch id or the group's name.</param>
/// <param name="Kind">"pouch" or "group".</param>
/// <param name="Members">The pouch ids fitted.</param>
/// <param name="Fit">The fit; null when the curve has too few points, does not rise, or the fit does not converge.</param>
internal sealed record FitRow(string Curve, string Kind, IReadOnlyList<string> Members, GompertzFit? Fit);
