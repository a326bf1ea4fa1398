namespace PouchMonitor.Analysis;

/// <summary>
/// H₂ by <see cref="H2Method.EvolvedShare"/> (docs/measurement-model.md): the H₂ share s of the evolved gas in the
/// vessel, N − I, where I is the trapped air carried through the removals, is fixed at each GC sample and read linearly
/// in time in between, held after the last and before the first. Points wait here until the GC samples around them
/// are fixed, which needs the first reading after each sample.
/// </summary>
internal sealed class EvolvedShareH2(GasCompositionTimeline composition, Func<GasPoint, double, double, H2Basis, GasPoint> withH2)
{
    // Argon of air follows nitrogen when the GC gives N₂ and O₂ but no Ar (air: 78.084 % N₂, 0.934 % Ar by volume).
    private const double ArgonPerNitrogen = 0.934 / 78.084;
    private readonly Queue<Item> _waiting = new();
    private readonly KnownFractions _sharePercents = new();
    private GcResult[] _gc = [];
    private int _nextGc;
    private double _inertMoles;
    private double _retained = 1;
    private double _removedH2Moles;
    private Item? _last;

    /// <summary>Fixes the trapped air: all of the baseline's dry gas. GC results at or before the baseline are not used.</summary>
    public void SetBaseline(DateTimeOffset baselineTime, double baselineMoles)
    {
        _inertMoles = baselineMoles;
        _gc = [.. composition.Results.Where(r => r.Time > baselineTime)];
    }

    public void Add(GasPoint point, double moles, ICollection<GasPoint> output)
    {
        var item = new Item(point.Time, point, moles, _inertMoles, _retained, 0);
        FixSharesUpTo(point.Time, item);
        _waiting.Enqueue(item with { InertMoles = _inertMoles });
        _last = item with { InertMoles = _inertMoles };
        Release(output);
    }

    /// <summary>
    /// An event removed <paramref name="removedMoles"/> of the <paramref name="beforeMoles"/> in the vessel, in proportion;
    /// <paramref name="momentMoles"/> is N at the event's time from its before window, the basis of a GC sample taken then.
    /// </summary>
    public void Remove(DateTimeOffset time, double removedMoles, double beforeMoles, double momentMoles, ICollection<GasPoint> output)
    {
        FixSharesUpTo(time, new Item(time, null, momentMoles, _inertMoles, _retained, 0));
        _waiting.Enqueue(new Item(time, null, beforeMoles, _inertMoles, _retained, removedMoles));
        double retained = 1 - (removedMoles / beforeMoles);
        _inertMoles *= retained;
        _retained *= retained;
        Release(output);
    }

    /// <summary>The data ended: samples after the last reading take its composition; every waiting point comes out.</summary>
    public void Complete(ICollection<GasPoint> output)
    {
        FixSharesUpTo(DateTimeOffset.MaxValue, null);
        Release(output);
    }

    /// <summary>Fixes the shares of the samples up to a time, from the reading at the sample's time or else the last one before.</summary>
    private void FixSharesUpTo(DateTimeOffset time, Item? atTime)
    {
        while (_nextGc < _gc.Length && _gc[_nextGc].Time <= time)
        {
            var gc = _gc[_nextGc++];
            if ((atTime is { } now && now.Time == gc.Time ? now : _last) is { } basis)
            {
                FixShare(gc, basis);
            }
        }
    }

    private void FixShare(GcResult gc, Item basis)
    {
        double sharePercent;
        if (InertPercent(gc) is { } inertPercent)
        {
            sharePercent = gc.H2Percent / (1 - (inertPercent / 100));
            _inertMoles = inertPercent / 100 * basis.Moles * _retained / basis.Retained; // the GC's air replaces the carried one
        }
        else
        {
            sharePercent = gc.H2Percent * basis.Moles / (basis.Moles - basis.InertMoles);
        }

        if (double.IsFinite(sharePercent) && sharePercent >= 0)
        {
            _sharePercents.Add(gc.Time, sharePercent);
        }
    }

    private static double? InertPercent(GcResult gc)
    {
        var others = gc.OtherPercents;
        if (!others.TryGetValue("n2_percent", out double n2) || !others.TryGetValue("o2_percent", out double o2))
        {
            return null;
        }

        return n2 + o2 + (others.TryGetValue("ar_percent", out double ar) ? ar : n2 * ArgonPerNitrogen);
    }

    private void Release(ICollection<GasPoint> output)
    {
        while (_waiting.TryPeek(out var item) && (_nextGc == _gc.Length || (_nextGc > 0 && item.Time <= _gc[_nextGc - 1].Time)))
        {
            _waiting.Dequeue();
            bool known = TryGetSharePercent(item.Time, out double sharePercent, out H2Basis basis);
            double vesselH2Moles = sharePercent / 100 * (item.Moles - item.InertMoles);
            if (item.Point is not { } point)
            {
                _removedH2Moles += known ? vesselH2Moles / item.Moles * item.RemovedMoles : 0;
            }
            else
            {
                output.Add(known ? withH2(point, 100 * vesselH2Moles / item.Moles, vesselH2Moles + _removedH2Moles, basis) : point);
            }
        }
    }

    private bool TryGetSharePercent(DateTimeOffset time, out double sharePercent, out H2Basis basis)
    {
        if (_sharePercents.Count > 0 && time < _sharePercents.First.Time)
        {
            (sharePercent, basis) = (_sharePercents.First.Percent, H2Basis.Extrapolated);
            return true;
        }

        return _sharePercents.TryGet(time, out sharePercent, out basis);
    }

    /// <summary>A point (with its N and the air I then in the vessel) or a removal, in the order they happened.</summary>
    private sealed record Item(DateTimeOffset Time, GasPoint? Point, double Moles, double InertMoles, double Retained, double RemovedMoles);
}
