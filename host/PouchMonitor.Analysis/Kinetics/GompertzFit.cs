namespace PouchMonitor.Analysis.Kinetics;

/// <summary>A modified-Gompertz fit of one curve (a pouch's, or a replicate group's pooled points).</summary>
/// <param name="MaxValue">A, the plateau, in the curve's unit.</param>
/// <param name="MaxRatePerDay">μm, the largest rate, in the curve's unit per day.</param>
/// <param name="LagDays">λ, the lag, in days.</param>
/// <param name="ResidualSd">s = √(RSS / (n − 3)), in the curve's unit.</param>
/// <param name="PointCount">n, the points fitted.</param>
public sealed record GompertzFit(FittedParameter MaxValue, FittedParameter MaxRatePerDay, FittedParameter LagDays, double ResidualSd, int PointCount)
{
    /// <summary>The fitted curve.</summary>
    public ModifiedGompertz Curve => new(MaxValue.Value, MaxRatePerDay.Value, LagDays.Value);
}
