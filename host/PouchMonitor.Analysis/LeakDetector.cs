namespace PouchMonitor.Analysis;

/// <summary>Applies a <see cref="LeakRule"/> to one pouch's dry gas, one reading at a time.</summary>
internal sealed class LeakDetector
{
    // Weight of the newest |ΔN| in the running mean; about the last 40 readings count.
    private const double NoiseSmoothing = 0.05;

    // For N with independent normal noise σ, E|N_i − N_(i−1)| = 2σ/√π.
    private static readonly double SigmaPerMeanAbsoluteDifference = Math.Sqrt(Math.PI) / 2;

    private readonly LeakRule _rule;
    private readonly double _minimumDropMoles;
    private readonly MonotonicWindow _windowMaxima = new();
    private double _meanAbsoluteDifferenceMoles = double.NaN;
    private double _lastMoles = double.NaN;

    public LeakDetector(LeakRule rule, StandardConditions standard)
    {
        _rule = rule;
        _minimumDropMoles = IdealGas.Moles(standard.PressurePa, rule.MinimumDropMlStd, standard.TemperatureC);
    }

    /// <summary>Starts a new window: after the baseline or an event the gas level legitimately changes.</summary>
    public void Restart()
    {
        _windowMaxima.Clear();
        _lastMoles = double.NaN;
    }

    /// <summary>Takes the next reading's dry gas in mol and says whether it has fallen by more than the rule allows.</summary>
    public bool Observe(DateTimeOffset time, double moles)
    {
        UpdateNoise(moles);
        _windowMaxima.DropOlderThan((time - _rule.Window).UtcTicks);
        bool leaking = _windowMaxima.TryGetMaximum(out double highest) && highest - moles > Threshold();
        _windowMaxima.Add(time.UtcTicks, moles);
        return leaking;
    }

    private void UpdateNoise(double moles)
    {
        if (!double.IsNaN(_lastMoles))
        {
            double difference = Math.Abs(moles - _lastMoles);
            _meanAbsoluteDifferenceMoles = double.IsNaN(_meanAbsoluteDifferenceMoles)
                ? difference
                : _meanAbsoluteDifferenceMoles + (NoiseSmoothing * (difference - _meanAbsoluteDifferenceMoles));
        }

        _lastMoles = moles;
    }

    private double Threshold()
    {
        double sigma = double.IsNaN(_meanAbsoluteDifferenceMoles) ? 0 : _meanAbsoluteDifferenceMoles * SigmaPerMeanAbsoluteDifference;
        return Math.Max(_rule.NoiseMultiple * sigma, _minimumDropMoles);
    }
}
