namespace PouchMonitor.Analysis;

/// <summary>Applies a <see cref="LeakRule"/> to one pouch's dry gas, one reading at a time.</summary>
internal sealed class LeakDetector
{
    // Weight of the newest |second difference| in the running mean; about the last 10 smoothing times count.
    private const double NoiseSmoothing = 0.1;

    // For values with independent normal noise σ, D2 = x0 − 2·x1 + x2 has standard deviation √6·σ and E|D2| = √6·σ·√(2/π).
    private static readonly double SigmaPerMeanAbsoluteSecondDifference = Math.Sqrt(Math.PI / 2) / Math.Sqrt(6);

    private readonly LeakRule _rule;
    private readonly double _minimumDropMoles;
    private readonly RunningMean _firstMean;
    private readonly RunningMean _secondMean;
    private readonly MonotonicWindow _windowMaxima = new();
    private readonly List<double> _checkpoints = [];
    private long _lastCheckpointTicks;
    private long? _startTicks;
    private long? _fallingSinceTicks;
    private double _meanAbsoluteSecondDifferenceMoles = double.NaN;

    public LeakDetector(LeakRule rule, StandardConditions standard, double vesselGasVolumeMl)
    {
        _rule = rule;
        double minimumDropMlStd = Math.Max(rule.MinimumDropMlStd, rule.MinimumDropPerVesselMl * vesselGasVolumeMl);
        _minimumDropMoles = IdealGas.Moles(standard.PressurePa, minimumDropMlStd, standard.TemperatureC);
        _firstMean = new RunningMean(rule.Smoothing);
        _secondMean = new RunningMean(rule.Smoothing);
    }

    /// <summary>Starts a new window: after the baseline or an event the gas level legitimately changes.</summary>
    public void Restart()
    {
        _firstMean.Clear();
        _secondMean.Clear();
        _windowMaxima.Clear();
        _checkpoints.Clear();
        _startTicks = null;
        _fallingSinceTicks = null;
    }

    /// <summary>Takes the next reading's dry gas in mol and says whether it has fallen by more than the rule allows.</summary>
    public bool Observe(DateTimeOffset time, double moles)
    {
        long ticks = time.UtcTicks;
        _startTicks ??= ticks;
        double smoothed = _secondMean.Add(ticks, _firstMean.Add(ticks, moles));
        if (ticks - _startTicks < 2 * _rule.Smoothing.Ticks)
        {
            return false; // both running means still filling: the smoothed value is not yet free of the ripple
        }

        UpdateNoise(ticks, smoothed);
        _windowMaxima.DropOlderThan(ticks - _rule.Window.Ticks);
        bool falling = _windowMaxima.TryGetMaximum(out double highest) && highest - smoothed > Threshold();
        _windowMaxima.Add(ticks, smoothed);
        if (!falling)
        {
            _fallingSinceTicks = null;
            return false;
        }

        _fallingSinceTicks ??= ticks;
        return ticks - _fallingSinceTicks >= _rule.Sustain.Ticks;
    }

    // Second differences of the smoothed gas one smoothing time apart: the noise at the rule's own time scale,
    // blind to a steady rise or fall of the gas.
    private void UpdateNoise(long ticks, double smoothed)
    {
        if (_checkpoints.Count > 0 && ticks - _lastCheckpointTicks < _rule.Smoothing.Ticks)
        {
            return;
        }

        _checkpoints.Add(smoothed);
        _lastCheckpointTicks = ticks;
        if (_checkpoints.Count < 3)
        {
            return;
        }

        double difference = Math.Abs(_checkpoints[0] - (2 * _checkpoints[1]) + _checkpoints[2]);
        _checkpoints.RemoveAt(0);
        _meanAbsoluteSecondDifferenceMoles = double.IsNaN(_meanAbsoluteSecondDifferenceMoles)
            ? difference
            : _meanAbsoluteSecondDifferenceMoles + (NoiseSmoothing * (difference - _meanAbsoluteSecondDifferenceMoles));
    }

    private double Threshold()
    {
        double sigma = double.IsNaN(_meanAbsoluteSecondDifferenceMoles) ? 0 : _meanAbsoluteSecondDifferenceMoles * SigmaPerMeanAbsoluteSecondDifference;
        return Math.Max(_rule.NoiseMultiple * sigma, _minimumDropMoles);
    }
}
