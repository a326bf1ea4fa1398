namespace PouchMonitor.Analysis;

/// <summary>
/// Turns one pouch's readings, fed one at a time in time order, into evolved gas
/// (docs/measurement-model.md). Holds only the state of that pouch: the batch `convert` and the live
/// host use it alike.
/// </summary>
/// <remarks>
/// A point comes out when its gas is known: at once, except for readings within an event's settle time,
/// which wait for the first settled reading (it fixes the gas the event removed). Events that happen
/// before the previous event's settled reading form one removal with one ΔN.
/// </remarks>
public sealed class PouchGasCalculator
{
    private readonly PouchSpec _pouch;
    private readonly ExperimentSettings _settings;
    private readonly VesselEvent[] _events;
    private readonly GasCompositionTimeline _composition;
    private readonly LeakDetector _leak;
    private readonly List<(PressureReading Reading, GasFlags Flags)> _settling = [];
    private PressureReading? _baseline;
    private double _baselineMoles;
    private double _lastMoles;
    private DateTimeOffset? _lastTime;
    private int _nextEvent;
    private OpenRemoval? _removal;
    private double _removedMoles;
    private double _removedH2Moles;

    /// <summary>Creates the calculator of one pouch.</summary>
    /// <param name="pouch">The pouch and its vessel.</param>
    /// <param name="settings">Standard conditions, settle time, leak rule.</param>
    /// <param name="events">The pouch's sampling and vent events, any order.</param>
    /// <param name="composition">The pouch's GC results.</param>
    public PouchGasCalculator(PouchSpec pouch, ExperimentSettings settings, IEnumerable<VesselEvent> events, GasCompositionTimeline composition)
    {
        ArgumentNullException.ThrowIfNull(pouch);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(composition);
        _pouch = pouch;
        _settings = settings;
        _events = [.. events.OrderBy(e => e.Time)];
        _composition = composition;
        _leak = new LeakDetector(settings.Leak, settings.Standard, pouch.Vessel.GasVolumeMl);
    }

    /// <summary>The pouch this calculator follows.</summary>
    public PouchSpec Pouch => _pouch;

    /// <summary>Takes the next reading (time must not go back) and adds the points now known to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The reading is older than the previous one, or not a finite number.</exception>
    public void Add(PressureReading reading, ICollection<GasPoint> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Guard(reading);
        _lastTime = reading.Time;
        GasFlags flags = reading.PressurePa > PouchSpec.NearSensorLimitFraction * _pouch.SensorMaxPa ? GasFlags.NearSensorLimit : GasFlags.None;
        if (_baseline is null)
        {
            AddBeforeOrAtBaseline(reading, flags, output);
            return;
        }

        if (OpenRemovalsUpTo(reading.Time))
        {
            flags |= GasFlags.Event;
        }

        if (_removal is { } removal && reading.Time < removal.SettledAt)
        {
            _settling.Add((reading, flags | GasFlags.Settling));
            return;
        }

        double moles = DryGasMoles(reading);
        if (_removal is not null)
        {
            CloseRemoval(moles, output);
        }

        if (_leak.Observe(reading.Time, moles))
        {
            flags |= GasFlags.LeakSuspected;
        }

        _lastMoles = moles;
        output.Add(Point(reading, moles, flags));
    }

    /// <summary>Ends the data: readings still waiting for an event to settle are given out, the last of them taken as settled.</summary>
    public void Complete(ICollection<GasPoint> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_removal is not null && _settling.Count > 0)
        {
            var (last, lastFlags) = _settling[^1];
            _settling.RemoveAt(_settling.Count - 1);
            double moles = DryGasMoles(last);
            CloseRemoval(moles, output);
            _lastMoles = moles;
            output.Add(Point(last, moles, lastFlags));
        }
    }

    private void Guard(PressureReading reading)
    {
        if (!double.IsFinite(reading.PressurePa) || !double.IsFinite(reading.TemperatureC))
        {
            throw new ArgumentException($"Pouch {_pouch.Id}: the reading at {reading.Time:O} is not a finite number.", nameof(reading));
        }

        if (_lastTime is { } last && reading.Time < last)
        {
            throw new ArgumentException($"Pouch {_pouch.Id}: the reading at {reading.Time:O} is older than the previous one at {last:O}.", nameof(reading));
        }
    }

    private void AddBeforeOrAtBaseline(PressureReading reading, GasFlags flags, ICollection<GasPoint> output)
    {
        if (_pouch.BaselineAt is { } baselineAt && reading.Time < baselineAt)
        {
            output.Add(new GasPoint { Time = reading.Time, PressurePa = reading.PressurePa, TemperatureC = reading.TemperatureC, Flags = flags | GasFlags.PreBaseline });
            return;
        }

        _baseline = reading;
        _baselineMoles = DryGasMoles(reading);
        _lastMoles = _baselineMoles;
        _composition.SetBaseline(reading.Time);
        while (_nextEvent < _events.Length && _events[_nextEvent].Time <= reading.Time)
        {
            _nextEvent++; // gas removed at or before the baseline is not part of the experiment
        }

        _leak.Observe(reading.Time, _baselineMoles);
        output.Add(Point(reading, _baselineMoles, flags | GasFlags.Baseline));
    }

    /// <summary>Starts or extends the removal of the events up to a time; true when an event starts counting here.</summary>
    private bool OpenRemovalsUpTo(DateTimeOffset time)
    {
        bool opened = false;
        while (_nextEvent < _events.Length && _events[_nextEvent].Time <= time)
        {
            var e = _events[_nextEvent++];
            DateTimeOffset settledAt = e.Time + _settings.EventSettle;
            _removal = _removal is { } open
                ? open with { SettledAt = settledAt > open.SettledAt ? settledAt : open.SettledAt }
                : new OpenRemoval(e.Time, settledAt, _lastMoles);
            opened = true;
        }

        return opened;
    }

    private void CloseRemoval(double settledMoles, ICollection<GasPoint> output)
    {
        var removal = _removal!;
        double removedMoles = removal.MolesBefore - settledMoles;
        _removedMoles += removedMoles;
        if (_composition.TryGetH2Percent(removal.FirstEventTime, out double h2Percent, out _))
        {
            _removedH2Moles += h2Percent / 100 * removedMoles;
        }

        _removal = null;
        _leak.Restart();
        foreach (var (reading, flags) in _settling)
        {
            output.Add(Point(reading, DryGasMoles(reading), flags));
        }

        _settling.Clear();
    }

    private double DryGasMoles(PressureReading reading) => _pouch.Vessel.DryGasMoles(reading, _baseline!.Value);

    private GasPoint Point(PressureReading reading, double moles, GasFlags flags)
    {
        var standard = _settings.Standard;
        double evolvedMl = standard.MlFromMoles(moles - _baselineMoles + _removedMoles);
        double? swellingMl = _pouch.Vessel.Kind == VesselKind.PouchInJar
            ? _pouch.Vessel.MeasuredGasVolumeMl(reading, _baseline!.Value) - _pouch.Vessel.PouchInitialGasMl
            : null;
        bool hasH2 = _composition.TryGetH2Percent(reading.Time, out double h2Percent, out H2Basis basis);
        double? h2Ml = hasH2 ? standard.MlFromMoles((h2Percent / 100 * moles) + _removedH2Moles) : null;
        return new GasPoint
        {
            Time = reading.Time,
            PressurePa = reading.PressurePa,
            TemperatureC = reading.TemperatureC,
            VesselDryGasMlStd = standard.MlFromMoles(moles),
            DryGasMlStd = evolvedMl,
            DryGasMlStdPerG = evolvedMl / _pouch.SlurryMassG,
            DryGasMlStdPerGActive = evolvedMl / _pouch.ActiveMassG,
            SwellingMl = swellingMl,
            SwellingMlPerG = swellingMl / _pouch.SlurryMassG,
            H2Percent = hasH2 ? h2Percent : null,
            H2MlStd = h2Ml,
            H2MlStdPerG = h2Ml / _pouch.SlurryMassG,
            H2MlStdPerGActive = h2Ml / _pouch.ActiveMassG,
            H2Basis = hasH2 ? basis : null,
            OtherGasPercents = _composition.OtherGases.Count == 0 ? [] : _composition.OtherPercents(reading.Time),
            Flags = flags,
        };
    }

    private sealed record OpenRemoval(DateTimeOffset FirstEventTime, DateTimeOffset SettledAt, double MolesBefore);
}
