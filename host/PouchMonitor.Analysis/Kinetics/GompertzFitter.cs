using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace PouchMonitor.Analysis.Kinetics;

/// <summary>
/// Least-squares fit of <see cref="ModifiedGompertz"/> to a curve by Levenberg–Marquardt (Math.NET Numerics), with
/// standard errors from the covariance s² · (JᵀJ)⁻¹ of the analytic Jacobian J at the minimum and 95 % intervals from
/// Student's t with n − 3 degrees of freedom (see docs/measurement-model.md, "Kinetics").
/// </summary>
public static class GompertzFitter
{
    /// <summary>Fewest points a fit is tried on.</summary>
    public const int MinimumPoints = 6;

    private const double ConfidenceQuantile = 0.975;

    private const double RiseNoiseMultiple = 5;

    // Half-width of the local line whose slope starts μm: a day's worth of hourly means.
    private const double StartSlopeHalfWindowDays = 0.5;

    /// <summary>
    /// Fits <paramref name="curve"/>; null when it has too few points, does not rise (its last tenth not above its
    /// first by 5 times the noise of one point), or the minimiser does not converge to a positive plateau and rate.
    /// </summary>
    public static GompertzFit? TryFit(DaySeries curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count < MinimumPoints || !Rises(curve) || StartingPoint(curve) is not { } start)
        {
            return null;
        }

        var days = Vector<double>.Build.DenseOfArray(curve.Days);
        var values = Vector<double>.Build.DenseOfArray(curve.Values);
        var model = ObjectiveFunction.NonlinearModel(Values, Jacobian, days, values);
        NonlinearMinimizationResult result;
        try
        {
            result = new LevenbergMarquardtMinimizer(maximumIterations: 1000).FindMinimum(model, Vector<double>.Build.DenseOfArray(start));
        }
        catch (Exception e) when (e is MaximumIterationsException or ArgumentException)
        {
            return null; // no convergence, or the steps left the finite numbers
        }

        var p = result.MinimizingPoint;
        return p[0] > 0 && p[1] > 0 && p.All(double.IsFinite) ? WithIntervals(p, days, values) : null;
    }

    // The last tenth of the curve lies above the first by more than RiseNoiseMultiple times the noise of one point
    // (σ from successive differences, E|Δ| = 2σ/√π): a curve that does not rise has no plateau to fit.
    private static bool Rises(DaySeries curve)
    {
        int tenth = Math.Max(curve.Count / 10, 1);
        double rise = curve.Values[^tenth..].Average() - curve.Values[..tenth].Average();
        double sigma = curve.Values.Zip(curve.Values.Skip(1), (a, b) => Math.Abs(b - a)).Average() * Math.Sqrt(Math.PI) / 2;
        return rise > RiseNoiseMultiple * sigma;
    }

    private static double[]? StartingPoint(DaySeries curve)
    {
        double plateau = curve.Values.Max();
        var rates = RateCurve.Smoothed(curve, StartSlopeHalfWindowDays);
        if (!(plateau > 0) || rates.Count == 0)
        {
            return null;
        }

        int steepest = Array.IndexOf(rates.Values, rates.Values.Max());
        double rate = rates.Values[steepest];
        if (!(rate > 0))
        {
            return null;
        }

        double day = rates.Days[steepest];
        double lag = day - (curve.ValueAt(day) / rate); // where the tangent at the steepest point meets 0
        return [plateau, rate, double.IsFinite(lag) ? lag : 0];
    }

    private static GompertzFit? WithIntervals(Vector<double> p, Vector<double> days, Vector<double> values)
    {
        int n = days.Count;
        var residuals = values - Values(p, days);
        double residualVariance = residuals.DotProduct(residuals) / (n - 3);
        var jacobian = Jacobian(p, days);
        var covariance = jacobian.TransposeThisAndMultiply(jacobian).Inverse() * residualVariance;
        double t = StudentT.InvCDF(0, 1, n - 3, ConfidenceQuantile);
        FittedParameter Parameter(int i)
        {
            double standardError = Math.Sqrt(covariance[i, i]);
            return new FittedParameter(p[i], standardError, p[i] - (t * standardError), p[i] + (t * standardError));
        }

        return covariance.Enumerate().All(double.IsFinite)
            ? new GompertzFit(Parameter(0), Parameter(1), Parameter(2), Math.Sqrt(residualVariance), n)
            : null;
    }

    private static Vector<double> Values(Vector<double> p, Vector<double> days)
    {
        var curve = new ModifiedGompertz(p[0], p[1], p[2]);
        return days.Map(curve.ValueAt);
    }

    private static Matrix<double> Jacobian(Vector<double> p, Vector<double> days)
    {
        var curve = new ModifiedGompertz(p[0], p[1], p[2]);
        var jacobian = Matrix<double>.Build.Dense(days.Count, 3);
        for (int i = 0; i < days.Count; i++)
        {
            var (byMax, byRate, byLag) = curve.Gradient(days[i]);
            jacobian[i, 0] = byMax;
            jacobian[i, 1] = byRate;
            jacobian[i, 2] = byLag;
        }

        return jacobian;
    }
}
