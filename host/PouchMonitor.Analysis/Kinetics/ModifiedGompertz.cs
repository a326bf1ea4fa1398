namespace PouchMonitor.Analysis.Kinetics;

/// <summary>
/// The modified Gompertz curve in Zwietering's form (Zwietering et al., Appl. Environ. Microbiol. 56 (1990) 1875):
/// y(t) = A · exp(−exp(μm · e / A · (λ − t) + 1)).
/// </summary>
/// <param name="MaxValue">A: the plateau (e.g. mL g⁻¹ at standard conditions).</param>
/// <param name="MaxRatePerDay">μm: the largest rate, A's unit per day.</param>
/// <param name="LagDays">λ: the lag, in days (where the tangent at the steepest point meets 0).</param>
public sealed record ModifiedGompertz(double MaxValue, double MaxRatePerDay, double LagDays)
{
    /// <summary>y(t) at <paramref name="days"/>; 0 when A ≤ 0.</summary>
    public double ValueAt(double days) =>
        MaxValue <= 0 ? 0 : MaxValue * Math.Exp(-Math.Exp(Exponent(days)));

    /// <summary>dy/dt at <paramref name="days"/>, A's unit per day: μm · e · exp(u) · exp(−exp(u)), u the inner exponent.</summary>
    public double RateAt(double days)
    {
        if (MaxValue <= 0)
        {
            return 0;
        }

        double inner = Math.Exp(Exponent(days));
        return MaxRatePerDay * Math.E * inner * Math.Exp(-inner);
    }

    /// <summary>∂y/∂A, ∂y/∂μm and ∂y/∂λ at <paramref name="days"/> (the fit's Jacobian row).</summary>
    public (double ByMaxValue, double ByMaxRate, double ByLag) Gradient(double days)
    {
        double u = Exponent(days);
        double inner = Math.Exp(u);
        double outer = Math.Exp(-inner);
        return (
            outer * (1 + (inner * (u - 1))),
            -outer * inner * Math.E * (LagDays - days),
            -outer * inner * MaxRatePerDay * Math.E);
    }

    private double Exponent(double days) => (MaxRatePerDay * Math.E / MaxValue * (LagDays - days)) + 1;
}
