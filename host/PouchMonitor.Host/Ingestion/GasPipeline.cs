using PouchMonitor.Analysis;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Dashboard;
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
/// Alerts, the series cache and the live feed hear of points only after their commit; a rolled-back write makes the
/// pouch's calculator start again from the stored readings.
/// </summary>
public sealed class GasPipeline(
    ExperimentCatalog catalog,
    ExperimentDataStore experimentData,
    GasStore gas,
    WriteQueue writer,
    AlertEngine alerts,
    LiveFeed live,
    SeriesCache cache)
{
    private readonly Dictionary<PouchKey, PouchState> _pouches = [];
    private readonly Dictionary<PouchKey, PendingRebuild> _pending = [];
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
                Write(session, experiment, pouch, sensorReadings, points);
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
                    foreach (var rebuild in _pending.Values)
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

        Write(session, experiment, pouch, newReadings, [.. points.Where(p => p.Time >= changedFrom)]);
    }

    /// <summary>A rolled-back write leaves the calculator ahead of the store: the pouch then rebuilds from the store.</summary>
    private void ForgetOnRollback(WriteSession session, PouchKey key) =>
        session.OnRollback(() =>
        {
            lock (_lock)
            {
                _pouches.Remove(key);
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
            alerts.OnPoints(tags, points, pouch.Spec.SensorMaxPa);
            if (points.Count > 0)
            {
                cache.Written(new PouchKey(tags.Experiment, tags.Pouch), points.Min(p => p.Time));
                live.Publish(new LiveMessage(experiment.Name, "reading", LiveReading.Of(pouch, points[^1])));
            }
        });
    }

    private static PressureReading ToPressureReading(StoredReading reading) =>
        new(reading.Time, reading.PressurePa!.Value, reading.TemperatureC!.Value);
}
