using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Ingestion;

/// <summary>
/// Turns placed readings into gas points with the physics library, one incremental calculator per pouch, inside the
/// writer's transaction, so a message's readings, gas points and InfluxDB lines commit together or not at all.
/// A reading older than what the pouch's calculator has seen (a device flushing its buffer), a new event,
/// GC result or tare makes it recompute the pouch from the stored readings, and rewrite the points from the first
/// changed one. Late readings are merged once per group commit, not once per message: the pouch is recomputed after
/// the group's last message, with every reading the group brought it.
/// Its observers (alerts, the series cache, the live feed) hear of points only after their commit; a rolled-back write
/// makes the pouch's calculator start again from the stored readings.
/// A pouch that names a blank gets the blank's apparent gas subtracted as <c>convert</c> does (<see cref="BlankCorrection"/>);
/// new or changed points of a blank recompute its pouches from the blank's last point before the change.
/// </summary>
public sealed class GasPipeline(
    ExperimentCatalog catalog,
    ExperimentDataStore experimentData,
    GasStore gas,
    WriteQueue writer,
    IEnumerable<IPipelineObserver> observers)
{
    private readonly IReadOnlyList<IPipelineObserver> _observers = [.. observers];
    private readonly Dictionary<PouchKey, PouchState> _pouches = [];
    private readonly Dictionary<PouchKey, PendingRebuild> _pending = [];
    private readonly Dictionary<PouchKey, BlankSeries> _blanks = [];
    private readonly Lock _lock = new();
    private long _recomputeCount;

    /// <summary>How many times a pouch was recomputed from its stored readings since the start.</summary>
    public long RecomputeCount => Interlocked.Read(ref _recomputeCount);

    /// <summary>Feeds newly placed readings in the writer's transaction; fault readings and sensors mapped to no pouch carry no gas.</summary>
    public void Accept(WriteSession session, IReadOnlyList<StoredReading> placed)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(placed);
        foreach (var sensor in placed.Where(r => r.Fault is null).GroupBy(r => (r.DeviceId, r.SensorIndex)))
        {
            if (catalog.TryFindBySource(sensor.Key.DeviceId, sensor.Key.SensorIndex, out var experiment, out var pouch))
            {
                Accept(session, experiment, pouch, [.. sensor.OrderBy(r => r.Time)]);
            }
        }
    }

    /// <summary>Forgets every calculator after the experiment files were reloaded; each pouch rebuilds on its next reading.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _pouches.Clear();
            _blanks.Clear();
        }
    }

    /// <summary>Recomputes a pouch after its events, GC results or tare changed, and waits until that is committed.</summary>
    public void Recompute(Experiment experiment, ExperimentPouch pouch, DateTimeOffset changedFrom)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(pouch);
        writer.Write(session =>
        {
            lock (_lock)
            {
                Rebuild(session, experiment, pouch, [], changedFrom);
            }

            return true;
        });
    }

    private void Accept(WriteSession session, Experiment experiment, ExperimentPouch pouch, List<StoredReading> sensorReadings)
    {
        lock (_lock)
        {
            var key = new PouchKey(experiment.Name, pouch.Spec.Id);
            if (_pending.TryGetValue(key, out var pending))
            {
                pending.Add(sensorReadings);
            }
            else if (_pouches.TryGetValue(key, out var state) && sensorReadings[0].Time >= state.LastTime)
            {
                ForgetOnRollback(session, key);
                var points = new List<GasPoint>();
                foreach (var reading in sensorReadings)
                {
                    state.Calculator.Add(ToPressureReading(reading), points);
                }

                state.LastTime = sensorReadings[^1].Time;
                FeedBlank(session, experiment, pouch, points, points.Count > 0 ? points[0].Time : DateTimeOffset.MaxValue, rebuilt: false);
                Write(session, experiment, pouch, sensorReadings, CorrectByBlank(session, experiment, pouch, points));
            }
            else
            {
                DeferRebuild(session, key, new PendingRebuild(experiment, pouch, sensorReadings));
            }
        }
    }

    /// <summary>Recomputes the pouch once, after the group's last message, with what every message brought it.</summary>
    private void DeferRebuild(WriteSession session, PouchKey key, PendingRebuild pending)
    {
        if (_pending.Count == 0)
        {
            session.BeforeCommit(() =>
            {
                lock (_lock)
                {
                    // Blanks first: a blank's new points lower its pending pouches' ChangedFrom before they are rebuilt.
                    foreach (var rebuild in _pending.Values.OrderBy(r => r.Pouch.Spec.BlankId is null ? 0 : 1).ToList())
                    {
                        Rebuild(session, rebuild.Experiment, rebuild.Pouch, rebuild.NewReadings, rebuild.ChangedFrom);
                    }

                    _pending.Clear();
                }
            });
        }

        _pending.Add(key, pending);
        session.OnRollback(() =>
        {
            lock (_lock)
            {
                _pending.Clear();
                _pouches.Remove(key);
                _blanks.Remove(key);
            }
        });
    }

    private void Rebuild(WriteSession session, Experiment experiment, ExperimentPouch pouch, List<StoredReading> newReadings, DateTimeOffset changedFrom)
    {
        var key = new PouchKey(experiment.Name, pouch.Spec.Id);
        var state = new PouchState(CreateCalculator(experiment, pouch, key));
        _pouches[key] = state;
        ForgetOnRollback(session, key);
        Interlocked.Increment(ref _recomputeCount);
        if (pouch.Source is not { } source)
        {
            return;
        }

        // A stopped experiment ends at its stop: the sensor's later readings may already feed another experiment.
        var stoppedAt = catalog.Stored(experiment.Name)?.StoppedAt ?? DateTimeOffset.MaxValue;
        var points = new List<GasPoint>();
        foreach (var reading in ReadingStore.ForSensor(session, source.Device, source.Sensor).Where(r => r.Fault is null && r.Time <= stoppedAt))
        {
            state.Calculator.Add(ToPressureReading(reading), points);
            state.LastTime = reading.Time;
        }

        FeedBlank(session, experiment, pouch, points, changedFrom, rebuilt: true);
        Write(session, experiment, pouch, newReadings, CorrectByBlank(session, experiment, pouch, [.. points.Where(p => p.Time >= changedFrom)]));
    }

    /// <summary>
    /// Keeps a blank's apparent gas for its pouches (all its points after a rebuild, the new ones otherwise) and
    /// recomputes them from the blank's last point before <paramref name="changedFrom"/>: their points from there on
    /// were interpolated to or held at values that have changed.
    /// </summary>
    private void FeedBlank(WriteSession session, Experiment experiment, ExperimentPouch blank, List<GasPoint> points, DateTimeOffset changedFrom, bool rebuilt)
    {
        var dependants = experiment.Pouches.Where(p => p.Spec.BlankId == blank.Spec.Id).ToList();
        if (dependants.Count == 0)
        {
            return;
        }

        var key = new PouchKey(experiment.Name, blank.Spec.Id);
        if (rebuilt || !_blanks.TryGetValue(key, out var series))
        {
            series = new BlankSeries();
            _blanks[key] = series;
        }

        points.ForEach(series.Add);
        if (changedFrom == DateTimeOffset.MaxValue)
        {
            return;
        }

        var from = series.LastTimeBefore(changedFrom) ?? changedFrom;
        foreach (var dependant in dependants)
        {
            if (_pending.TryGetValue(new PouchKey(experiment.Name, dependant.Spec.Id), out var pending))
            {
                pending.Include(from);
            }
            else
            {
                Rebuild(session, experiment, dependant, [], from);
            }
        }
    }

    /// <summary>The points with the pouch's blank subtracted (as they are when it has none); loads the blank from the store on first use.</summary>
    private List<GasPoint> CorrectByBlank(WriteSession session, Experiment experiment, ExperimentPouch pouch, List<GasPoint> points)
    {
        if (pouch.Spec.BlankId is not { } blankId)
        {
            return points;
        }

        var blank = experiment.FindPouch(blankId)!;
        var key = new PouchKey(experiment.Name, blankId);
        if (!_blanks.ContainsKey(key))
        {
            Rebuild(session, experiment, blank, [], DateTimeOffset.MaxValue);
        }

        var series = _blanks[key];
        return [.. points.Select(p => BlankCorrection.Apply(p, pouch.Spec, blank.Spec.Vessel, series, experiment.Settings.Standard))];
    }

    /// <summary>A rolled-back write leaves the calculator ahead of the store: the pouch then rebuilds from the store.</summary>
    private void ForgetOnRollback(WriteSession session, PouchKey key) =>
        session.OnRollback(() =>
        {
            lock (_lock)
            {
                _pouches.Remove(key);
                _blanks.Remove(key);
            }
        });

    private PouchGasCalculator CreateCalculator(Experiment experiment, ExperimentPouch pouch, PouchKey key)
    {
        var gcResults = experimentData.GcResults(key);
        var otherGases = gcResults.SelectMany(r => r.OtherPercents.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var spec = experimentData.Tare(key) is { } tare ? pouch.Spec with { BaselineAt = tare } : pouch.Spec;
        return new PouchGasCalculator(spec, experiment.Settings, experimentData.Events(key), new GasCompositionTimeline(gcResults, otherGases));
    }

    private void Write(WriteSession session, Experiment experiment, ExperimentPouch pouch, IReadOnlyList<StoredReading> newReadings, IReadOnlyList<GasPoint> points)
    {
        var tags = SeriesTags.Of(experiment, pouch);
        gas.Write(session, tags, newReadings, points);
        session.AfterCommit(() =>
        {
            if (points.Count > 0)
            {
                foreach (var observer in _observers)
                {
                    observer.OnPoints(experiment, pouch, points);
                }
            }
        });
    }

    private static PressureReading ToPressureReading(StoredReading reading) =>
        new(reading.Time, reading.PressurePa!.Value, reading.TemperatureC!.Value);
}
