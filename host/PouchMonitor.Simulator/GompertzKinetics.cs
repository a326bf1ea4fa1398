using PouchMonitor.Analysis.Kinetics;

namespace PouchMonitor.Simulator;

/// <summary>
/// Gas evolution of a slurry as a modified Gompertz curve (Zwietering et al., Appl. Environ. Microbiol. 56 (1990) 1875):
/// y(t) = A · exp(−exp(μ · e / A · (λ − t) + 1)).
/// </summary>
/// <param name="MaxMlStdPerG">A: the plateau, in mL g⁻¹ slurry at standard conditions (≥ 0).</param>
/// <param name="RateMlStdPerGPerDay">μ: the largest rate, in mL g⁻¹ day⁻¹ (&gt; 0).</param>
/// <param name="LagDays">λ: the lag, in days (≥ 0).</param>
public sealed record GompertzKinetics(double MaxMlStdPerG, double RateMlStdPerGPerDay, double LagDays)
{
    /// <summary>Gas evolved after <paramref name="days"/> days, in mL g⁻¹ slurry at standard conditions.</summary>
    public double MlStdPerG(double days) => new ModifiedGompertz(MaxMlStdPerG, RateMlStdPerGPerDay, LagDays).ValueAt(days);
}
