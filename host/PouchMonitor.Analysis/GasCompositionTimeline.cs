namespace PouchMonitor.Analysis;

/// <summary>The composition of a pouch's dry gas over time, from its GC results.</summary>
/// <remarks>
/// H₂ starts at 0 % at the baseline (the vessel holds air) unless a GC result at the baseline time says
/// otherwise, is linear in time between known points and held after the last one. Other gases have no
/// assumed baseline value: they are known from their first GC result on. GC results before the baseline
/// are ignored. A pouch without GC results has no composition. See docs/measurement-model.md.
/// </remarks>
public sealed class GasCompositionTimeline
{
    private readonly List<GcResult> _results;
    private readonly KnownFractions _h2 = new();
    private readonly KnownFractions[] _others;

    /// <summary>Creates the timeline of one pouch.</summary>
    /// <param name="results">The pouch's GC results, any order, at most one per time.</param>
    /// <param name="otherGases">Column names of the other gases to carry, e.g. "n2_percent".</param>
    public GasCompositionTimeline(IEnumerable<GcResult> results, IReadOnlyList<string> otherGases)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(otherGases);
        _results = [.. results.OrderBy(r => r.Time)];
        OtherGases = otherGases;
        _others = [.. otherGases.Select(_ => new KnownFractions())];
    }

    /// <summary>Column names of the other gases, in output order.</summary>
    public IReadOnlyList<string> OtherGases { get; }

    /// <summary>The GC results in time order.</summary>
    internal IReadOnlyList<GcResult> Results => _results;

    /// <summary>Whether the pouch has any GC result (else its H₂ columns stay empty).</summary>
    public bool HasResults => _results.Count > 0;

    /// <summary>Fixes the baseline time; call once, before any lookup.</summary>
    public void SetBaseline(DateTimeOffset baselineTime)
    {
        var afterBaseline = _results.Where(r => r.Time >= baselineTime).ToList();
        if (afterBaseline.Count == 0 || afterBaseline[0].Time != baselineTime)
        {
            _h2.Add(baselineTime, 0);
        }

        foreach (var result in afterBaseline)
        {
            _h2.Add(result.Time, result.H2Percent);
            for (int i = 0; i < _others.Length; i++)
            {
                if (result.OtherPercents.TryGetValue(OtherGases[i], out double percent))
                {
                    _others[i].Add(result.Time, percent);
                }
            }
        }
    }

    /// <summary>H₂ percent at a time at or after the baseline; false when the pouch has no GC results.</summary>
    public bool TryGetH2Percent(DateTimeOffset time, out double percent, out H2Basis basis)
    {
        if (!HasResults)
        {
            (percent, basis) = (double.NaN, H2Basis.Measured);
            return false;
        }

        return _h2.TryGet(time, out percent, out basis);
    }

    /// <summary>The other gases' percentages at a time; null where not yet known.</summary>
    public double?[] OtherPercents(DateTimeOffset time)
    {
        var percents = new double?[_others.Length];
        for (int i = 0; i < _others.Length; i++)
        {
            percents[i] = _others[i].TryGet(time, out double percent, out _) ? percent : null;
        }

        return percents;
    }
}
