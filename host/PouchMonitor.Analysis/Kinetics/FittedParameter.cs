namespace PouchMonitor.Analysis.Kinetics;

/// <summary>A fitted parameter with its standard error and 95 % confidence interval (Student's t, n − 3 degrees of freedom).</summary>
/// <param name="Value">The least-squares value.</param>
/// <param name="StandardError">Its standard error, from the covariance s² · (JᵀJ)⁻¹.</param>
/// <param name="Lower95">Lower end of the 95 % interval.</param>
/// <param name="Upper95">Upper end of the 95 % interval.</param>
public sealed record FittedParameter(double Value, double StandardError, double Lower95, double Upper95)
{
    /// <summary>True when <paramref name="value"/> lies in the 95 % interval.</summary>
    public bool Covers(double value) => value >= Lower95 && value <= Upper95;
}
