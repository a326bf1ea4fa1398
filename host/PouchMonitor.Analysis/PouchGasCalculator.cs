namespace PouchMonitor.Analysis;

/// <summary>
/// Turns one pouch's readings, fed one at a time in time order, into evolved gas
/// (docs/measurement-model.md). Holds only the state of that pouch: the batch `convert` and the live
/// host use it alike.
/// </summary>
/// <remarks>
/// A point comes out when its gas is known: at once, except for readings within the baseline window, within an
/// event's settle time or its after window, which wait for the window to close (it fixes the baseline or the gas
/// the event removed), and, with <see cref="H2Method.EvolvedShare"/>, readings waiting for the next GC sample.
/// Events that happen before the previous event's after window has closed start a new removal from that window.
/// </remarks>
public sealed class PouchGasCalculator
{
    private readonly PouchSpec _pouch;
    private readonly ExperimentSettings _settings;
    private readonly TimeSpan _window;
    private readonly VesselEvent[] _events;
    private readonly GasCompositionTimeline _composition;
    private readonly LeakDetector _leak;
    private readonly RecentGas _recent;
    private readonly EvolvedShareH2? _evolvedShare;
    private readonly List<(PressureReading Reading, GasFlags Flags)> _baselineWindow = [];
    private readonly List<(PressureReading Reading, GasFlags Flags)> _settling = [];
    private readonly List<(PressureReading Reading, GasFlags Flags)> _after = [];
    private PressureReading? _baseline;
    private double _baselineMoles;
    private DateTimeOffset? _lastTime;
    private int _nextEvent;
    private OpenRemoval? _removal;
    private double _removedMoles;
    private double _removedH2Moles;

    /// <summary>Creates the calculator of one pouch.</summary>
    /// <param name="pouch">The pouch and its vessel.</param>
    /// <param name="settings">Standard conditions, settle time, leak rule, windows and H₂ method.</param>
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
        _window = pouch.BaselineWindow ?? settings.BaselineWindow;
        _events = [.. events.OrderBy(e => e.Time)];
        _composition = composition;
        _leak = new LeakDetector(settings.Leak, settings.Standard, pouch.Vessel.GasVolumeMl);
        _recent = new RecentGas(_window);
        _evolvedShare = settings.H2Method == H2Method.EvolvedShare && composition.HasResults ? new EvolvedShareH2(composition, WithH2) : null;
    }

    /// <summary>The pouch this calculator follows.</summary>
    public PouchSpec Pouch => _pouch;

    /// <summary>Takes the next reading (time must not go back) and adds the points now known to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The reading is older than the previous one, or not a finite number.</exception>
    public void Add(PressureReading reading, ICollection<GasPoint> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ReadingGuard.Check(_pouch.Id, reading, _lastTime);
        _lastTime = reading.Time;
        GasFlags flags = reading.PressurePa > PouchSpec.NearSensorLimitFraction * _pouch.SensorMaxPa ? GasFlags.NearSensorLimit : GasFlags.None;
        if (_baseline is null && !BaselineWindowClosedBefore(reading, flags, output))
        {
            return;
        }

        if (OpenRemovalsUpTo(reading.Time, output))
        {
            flags |= GasFlags.Event;
        }

        if (_removal is { } removal)
        {
            if (reading.Time < removal.SettledAt)
            {
                _settling.Add((reading, flags | GasFlags.Settling));
                return;
            }

            if (_after.Count == 0 || reading.Time < _after[0].Reading.Time + _window)
            {
                _after.Add((reading, flags));
                if (_window == TimeSpan.Zero)
                {
                    CloseRemoval(output);
                }

                return;
            }

            CloseRemoval(output);
        }

        EmitSettled(reading, DryGasMoles(reading), flags, output);
    }

    /// <summary>Ends the data: readings still waiting for a window are given out, the last settling one taken as settled.</summary>
    public void Complete(ICollection<GasPoint> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_baseline is null && _baselineWindow.Count > 0)
        {
            CloseBaseline(output);
        }

        if (_removal is not null && _after.Count == 0 && _settling.Count > 0)
        {
            _after.Add(_settling[^1]);
            _settling.RemoveAt(_settling.Count - 1);
        }

        if (_removal is not null && _after.Count > 0)
        {
            CloseRemoval(output);
        }

        _evolvedShare?.Complete(output);
    }

    /// <summary>Before the baseline is fixed: keeps the reading (false), or closes the baseline window without it (true).</summary>
    private bool BaselineWindowClosedBefore(PressureReading reading, GasFlags flags, ICollection<GasPoint> output)
    {
        if (_baselineWindow.Count == 0)
        {
            if (_pouch.BaselineAt is { } baselineAt && reading.Time < baselineAt)
            {
                output.Add(new GasPoint { Time = reading.Time, PressurePa = reading.PressurePa, TemperatureC = reading.TemperatureC, Flags = flags | GasFlags.PreBaseline });
                return false;
            }

            _baselineWindow.Add((reading, flags | GasFlags.Baseline));
            while (_nextEvent < _events.Length && _events[_nextEvent].Time <= reading.Time)
            {
                _nextEvent++; // gas removed at or before the baseline is not part of the experiment
            }

            if (_window == TimeSpan.Zero)
            {
                CloseBaseline(output);
            }

            return false;
        }

        bool eventDue = _nextEvent < _events.Length && _events[_nextEvent].Time <= reading.Time;
        if (!eventDue && reading.Time < _baselineWindow[0].Reading.Time + _window)
        {
            _baselineWindow.Add((reading, flags));
            return false;
        }

        CloseBaseline(output);
        return true;
    }

    private void CloseBaseline(ICollection<GasPoint> output)
    {
        var readings = _baselineWindow.ConvertAll(w => w.Reading);
        _baseline = readings.Count == 1 ? readings[0] : BaselineWindowReading.Mean(readings);
        double[] moles = [.. readings.Select(DryGasMoles)];
        _baselineMoles = moles.Average();
        _composition.SetBaseline(readings[0].Time);
        _evolvedShare?.SetBaseline(readings[0].Time, _baselineMoles);
        for (int i = 0; i < readings.Count; i++)
        {
            EmitSettled(readings[i], moles[i], _baselineWindow[i].Flags, output);
        }

        _baselineWindow.Clear();
    }

    /// <summary>Starts the removal of the events up to a time; true when an event starts counting here.</summary>
    private bool OpenRemovalsUpTo(DateTimeOffset time, ICollection<GasPoint> output)
    {
        bool opened = false;
        while (_nextEvent < _events.Length && _events[_nextEvent].Time <= time)
        {
            var e = _events[_nextEvent++];
            if (_removal is not null && _after.Count > 0)
            {
                CloseRemoval(output); // this event falls in the previous one's after window
            }

            DateTimeOffset settledAt = e.Time + _settings.EventSettle;
            _removal = _removal is { } open
                ? open with { SettledAt = settledAt > open.SettledAt ? settledAt : open.SettledAt }
                : new OpenRemoval(e.Time, settledAt, _recent.Value()!.Value);
            _recent.Clear();
            opened = true;
        }

        return opened;
    }

    private void CloseRemoval(ICollection<GasPoint> output)
    {
        var removal = _removal!;
        double[] afterMoles = [.. _after.Select(a => DryGasMoles(a.Reading))];
        var after = GasWindow.Of([.. _after.Select((a, i) => (a.Reading.Time, afterMoles[i]))]);
        double beforeMoles = removal.Before.MolesAt(after.Time, _settings.EventGap);
        double removedMoles = beforeMoles - after.Moles;
        _removedMoles += removedMoles;
        if (_evolvedShare is null && _composition.TryGetH2Percent(removal.FirstEventTime, out double h2Percent, out _))
        {
            _removedH2Moles += h2Percent / 100 * removedMoles;
        }

        _evolvedShare?.Remove(removal.FirstEventTime, removedMoles, beforeMoles, removal.Before.MolesAt(removal.FirstEventTime, _settings.EventGap), output);
        _removal = null;
        _leak.Restart();
        foreach (var (reading, flags) in _settling)
        {
            double moles = DryGasMoles(reading);
            Emit(Point(reading, moles, flags), moles, output);
        }

        _settling.Clear();
        for (int i = 0; i < _after.Count; i++)
        {
            EmitSettled(_after[i].Reading, afterMoles[i], _after[i].Flags, output);
        }

        _after.Clear();
    }

    private void EmitSettled(PressureReading reading, double moles, GasFlags flags, ICollection<GasPoint> output)
    {
        if (_leak.Observe(reading.Time, moles))
        {
            flags |= GasFlags.LeakSuspected;
        }

        _recent.Add(reading.Time, moles);
        Emit(Point(reading, moles, flags), moles, output);
    }

    private void Emit(GasPoint point, double moles, ICollection<GasPoint> output)
    {
        if (_evolvedShare is null)
        {
            output.Add(point);
        }
        else
        {
            _evolvedShare.Add(point, moles, output);
        }
    }

    private double DryGasMoles(PressureReading reading) => _pouch.Vessel.DryGasMoles(reading, _baseline!.Value);

    private GasPoint Point(PressureReading reading, double moles, GasFlags flags)
    {
        var standard = _settings.Standard;
        double evolvedMl = standard.MlFromMoles(moles - _baselineMoles + _removedMoles);
        double? swellingMl = _pouch.Vessel.Kind == VesselKind.PouchInJar
            ? _pouch.Vessel.MeasuredGasVolumeMl(reading, _baseline!.Value) - _pouch.Vessel.PouchInitialGasMl
            : null;
        var point = new GasPoint
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
            OtherGasPercents = _composition.OtherGases.Count == 0 ? [] : _composition.OtherPercents(reading.Time),
            Flags = flags,
        };
        return _evolvedShare is null && _composition.TryGetH2Percent(reading.Time, out double h2Percent, out H2Basis basis)
            ? WithH2(point, h2Percent, (h2Percent / 100 * moles) + _removedH2Moles, basis)
            : point;
    }

    private GasPoint WithH2(GasPoint point, double h2Percent, double h2Moles, H2Basis basis)
    {
        double h2Ml = _settings.Standard.MlFromMoles(h2Moles);
        var withH2 = point with
        {
            H2Percent = h2Percent,
            H2MlStd = h2Ml,
            H2MlStdPerG = h2Ml / _pouch.SlurryMassG,
            H2MlStdPerGActive = h2Ml / _pouch.ActiveMassG,
            H2Basis = basis,
        };
        return GasChecks.WithChecks(withH2, _pouch, _settings.Standard);
    }

    private sealed record OpenRemoval(DateTimeOffset FirstEventTime, DateTimeOffset SettledAt, GasWindow Before);
}
