using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Alerts;

/// <summary>
/// Device-side alerts of the running experiments' pouches a device measures: sensor faults (closed by the sensor's next good reading),
/// dated by the readings' own placed times, and device offline, opened by its last will or by silence for
/// <see cref="AlertThresholds.OfflineIntervals"/> publish intervals, closed by its next message, dated when the host noticed.
/// </summary>
public sealed class DeviceAlertRules(AlertEngine engine, ExperimentCatalog catalog, TimeProvider timeProvider) : IPipelineObserver
{
    private readonly Dictionary<string, (DateTimeOffset LastSeen, TimeSpan? Interval)> _devices = [];
    private readonly Dictionary<(string DeviceId, int SensorIndex), DateTimeOffset> _newestReadings = [];
    private readonly DateTimeOffset _startedAt = timeProvider.GetUtcNow();
    private readonly Lock _lock = new();

    /// <summary>
    /// A stored reading batch: the device is alive; each of <paramref name="placed"/>'s readings newer than its sensor's
    /// newest so far, in time order, opens or closes the sensor's fault alert at that reading's time. So a fault that
    /// began and ended within one flushed buffer is opened and closed at its own times, and a late older reading
    /// changes nothing.
    /// </summary>
    public void OnReadings(ReadingBatch batch, IReadOnlyList<StoredReading> placed, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(placed);
        Seen(batch.DeviceId, null, receivedAt);
        SetOffline(batch.DeviceId, false, "", receivedAt);
        foreach (var sensor in placed.GroupBy(r => r.SensorIndex))
        {
            if (!catalog.TryFindBySource(batch.DeviceId, sensor.Key, out var experiment, out var pouch))
            {
                continue;
            }

            var tags = SeriesTags.Of(experiment, pouch);
            foreach (var reading in sensor.OrderBy(r => r.Time).Where(IsNewest))
            {
                var fault = reading.Fault is { } f ? SensorFaultCodes.ToCode(f) : null;
                engine.Set(tags, AlertKind.SensorFault, fault is not null, fault is null, null,
                    fault is null ? "" : $"sensor {reading.SensorIndex} of {batch.DeviceId} reports '{fault}'", reading.Time);
            }
        }
    }

    /// <summary>A valid status: offline (the last will) opens device-offline; online closes it and gives the interval.</summary>
    public void OnStatus(DeviceStatus status, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(status);
        var offline = status.State == DeviceState.Offline;
        Seen(status.DeviceId, status.Health is { } health ? TimeSpan.FromSeconds(health.PublishIntervalS) : null, receivedAt);
        SetOffline(status.DeviceId, offline, $"{status.DeviceId} went offline (last will)", receivedAt);
    }

    /// <summary>Opens device-offline for every mapped device silent for too long.</summary>
    public void CheckSilence()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var deviceId in MappedDevices())
        {
            DateTimeOffset lastSeen;
            TimeSpan? interval;
            lock (_lock)
            {
                (lastSeen, interval) = _devices.GetValueOrDefault(deviceId, (_startedAt, null));
            }

            var t = engine.Thresholds(PouchesOf(deviceId).First().Experiment.Name);
            var silence = (interval ?? t.DefaultPublishInterval) * t.OfflineIntervals;
            if (now - lastSeen > silence)
            {
                SetOffline(deviceId, true, $"{deviceId} has sent nothing since {lastSeen:O}", now);
            }
        }
    }

    private void Seen(string deviceId, TimeSpan? interval, DateTimeOffset receivedAt)
    {
        lock (_lock)
        {
            var known = _devices.GetValueOrDefault(deviceId, (_startedAt, null));
            _devices[deviceId] = (receivedAt, interval ?? known.Interval);
        }
    }

    private bool IsNewest(StoredReading reading)
    {
        lock (_lock)
        {
            var key = (reading.DeviceId, reading.SensorIndex);
            if (_newestReadings.TryGetValue(key, out var newest) && newest >= reading.Time)
            {
                return false;
            }

            _newestReadings[key] = reading.Time;
            return true;
        }
    }

    private void SetOffline(string deviceId, bool offline, string message, DateTimeOffset at)
    {
        foreach (var (experiment, pouch) in PouchesOf(deviceId))
        {
            engine.Set(SeriesTags.Of(experiment, pouch), AlertKind.DeviceOffline, offline, !offline, null, message, at);
        }
    }

    private IEnumerable<string> MappedDevices() =>
        catalog.Running.SelectMany(e => e.Pouches).Select(p => p.Source?.Device).OfType<string>().Distinct();

    private IEnumerable<(Experiment Experiment, ExperimentPouch Pouch)> PouchesOf(string deviceId) =>
        catalog.Running.SelectMany(e => e.Pouches.Where(p => p.Source?.Device == deviceId).Select(p => (e, p)));
}
