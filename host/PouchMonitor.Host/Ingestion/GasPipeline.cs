using PouchMonitor.Analysis;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Dashboard;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Ingestion;

/// <summary>
/// Turns placed readings into gas points with the physics library, one incremental calculator per pouch.
/// A reading older than what the pouch's calculator has seen (a device flushing its buffer), a new event,
/// GC result or tare makes it recompute the pouch from the stored readings, and rewrite the points that changed.
/// </summary>
public sealed class GasPipeline(
    ExperimentCatalog catalog,
    ReadingStore readings,
    ExperimentDataStore experimentData,
    GasStore gas,
    AlertEngine alerts,
    LiveFeed live,
    SeriesCache cache)
{
    private readonly Dictionary<PouchKey, PouchState> _pouches = [];
    private readonly Lock _lock = new();

    /// <summary>Feeds newly placed readings; fault readings and sensors mapped to no pouch carry no gas.</summary>
    public void Accept(IReadOnlyList<StoredReading> placed)
    {
        ArgumentNullException.ThrowIfNull(placed);
        foreach (var sensor in placed.Where(r => r.Fault is null).GroupBy(r => (r.DeviceId, r.SensorIndex)))
        {
            if (catalog.TryFindBySource(sensor.Key.DeviceId, sensor.Key.SensorIndex, out var experiment, out var pouch))
            {
                Accept(experiment, pouch, [.. sensor.OrderBy(r => r.Time)]);
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

    /// <summary>Recomputes a pouch after its events, GC results or tare changed.</summary>
    public void Recompute(Experiment experiment, ExperimentPouch pouch, DateTimeOffset changedFrom)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(pouch);
        lock (_lock)
        {
            Rebuild(experiment, pouch, [], changedFrom);
        }
    }

    private void Accept(Experiment experiment, ExperimentPouch pouch, List<StoredReading> sensorReadings)
    {
        lock (_lock)
        {
            var key = new PouchKey(experiment.Name, pouch.Spec.Id);
            if (_pouches.TryGetValue(key, out var state) && sensorReadings[0].Time >= state.LastTime)
            {
                var points = new List<GasPoint>();
                foreach (var reading in sensorReadings)
                {
                    state.Calculator.Add(ToPressureReading(reading), points);
                }

                state.LastTime = sensorReadings[^1].Time;
                Write(experiment, pouch, sensorReadings, points);
            }
            else
            {
                Rebuild(experiment, pouch, sensorReadings, sensorReadings[0].Time);
            }
        }
    }

    private void Rebuild(Experiment experiment, ExperimentPouch pouch, List<StoredReading> newReadings, DateTimeOffset changedFrom)
    {
        var key = new PouchKey(experiment.Name, pouch.Spec.Id);
        var state = new PouchState(CreateCalculator(experiment, pouch, key));
        _pouches[key] = state;
        if (pouch.Source is not { } source)
        {
            return;
        }

        var points = new List<GasPoint>();
        foreach (var reading in readings.ForSensor(source.Device, source.Sensor).Where(r => r.Fault is null))
        {
            state.Calculator.Add(ToPressureReading(reading), points);
            state.LastTime = reading.Time;
        }

        Write(experiment, pouch, newReadings, [.. points.Where(p => p.Time >= changedFrom)]);
    }

    private PouchGasCalculator CreateCalculator(Experiment experiment, ExperimentPouch pouch, PouchKey key)
    {
        var gcResults = experimentData.GcResults(key);
        var otherGases = gcResults.SelectMany(r => r.OtherPercents.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var spec = experimentData.Tare(key) is { } tare ? pouch.Spec with { BaselineAt = tare } : pouch.Spec;
        return new PouchGasCalculator(spec, experiment.Settings, experimentData.Events(key), new GasCompositionTimeline(gcResults, otherGases));
    }

    private void Write(Experiment experiment, ExperimentPouch pouch, IReadOnlyList<StoredReading> newReadings, IReadOnlyList<GasPoint> points)
    {
        var tags = SeriesTags.Of(experiment, pouch);
        gas.Write(tags, newReadings, points);
        alerts.OnPoints(tags, points, pouch.Spec.SensorMaxPa);
        if (points.Count > 0)
        {
            cache.Written(new PouchKey(tags.Experiment, tags.Pouch), points.Min(p => p.Time));
            live.Publish(new LiveMessage(experiment.Name, "reading", LiveReading.Of(pouch, points[^1])));
        }
    }

    private static PressureReading ToPressureReading(StoredReading reading) =>
        new(reading.Time, reading.PressurePa!.Value, reading.TemperatureC!.Value);
}
