using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Alerts;

/// <summary>
/// Opens each alert once, closes it with hysteresis and queues every change for the <see cref="AlertDispatcher"/>.
/// Gas rules run on new gas points; sensor-fault and device rules in <see cref="DeviceAlertRules"/>. Every change and
/// acknowledgement goes to the pipeline's observers (the dashboard's live feed).
/// </summary>
public sealed class AlertEngine : IPipelineObserver
{
    private readonly AlertStore _store;
    private readonly AlertOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lazy<IReadOnlyList<IPipelineObserver>> _observers;
    private readonly Dictionary<(PouchKey, AlertKind), Alert> _open;
    private readonly Dictionary<PouchKey, PouchAlertHistory> _history = [];
    private readonly Lock _lock = new();
    private readonly Channel<AlertChange> _changes = Channel.CreateUnbounded<AlertChange>();

    /// <summary>
    /// Picks up the alerts left open by an earlier run. The observers are looked up on first use: the alert rules that
    /// observe readings and points depend on this engine.
    /// </summary>
    public AlertEngine(AlertStore store, IOptions<AlertOptions> options, TimeProvider timeProvider, Lazy<IReadOnlyList<IPipelineObserver>> observers)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _timeProvider = timeProvider;
        _observers = observers;
        _open = store.OpenAlerts().ToDictionary(a => (new PouchKey(a.Experiment, a.Pouch), a.Kind));
        PipelineMetrics.AlertsOpen.Set(_open.Count);
    }

    /// <summary>Opened and closed alerts, in order, for delivery.</summary>
    public ChannelReader<AlertChange> Changes => _changes.Reader;

    /// <summary>The thresholds that apply to <paramref name="experiment"/>.</summary>
    public AlertThresholds Thresholds(string experiment) => _options.For(experiment);

    /// <inheritdoc />
    void IPipelineObserver.OnPoints(Experiment experiment, ExperimentPouch pouch, IReadOnlyList<GasPoint> points) =>
        OnPoints(SeriesTags.Of(experiment, pouch), points, pouch.Spec.SensorMaxPa);

    /// <summary>Evaluates the gas rules on points newer than any seen before for the pouch.</summary>
    public void OnPoints(SeriesTags tags, IReadOnlyList<GasPoint> points, double sensorMaxPa)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(points);
        var key = new PouchKey(tags.Experiment, tags.Pouch);
        var t = Thresholds(tags.Experiment);
        lock (_lock)
        {
            var history = _history.TryGetValue(key, out var h) ? h : _history[key] = new PouchAlertHistory();
            foreach (var point in points.Where(p => p.Time > history.LastTime))
            {
                history.LastTime = point.Time;
                Evaluate(tags, point, history, t, sensorMaxPa);
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="kind"/> if it should open and is not open; closes it if it should close and is open; the
    /// change is dated <paramref name="at"/>: the time of the reading or point that caused it, not when the host heard of it.
    /// </summary>
    public void Set(SeriesTags tags, AlertKind kind, bool shouldOpen, bool shouldClose, double? value, string message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var key = (new PouchKey(tags.Experiment, tags.Pouch), kind);
        lock (_lock)
        {
            var isOpen = _open.TryGetValue(key, out var alert);
            if (!isOpen && shouldOpen)
            {
                alert = _store.Open(tags, kind, at, value, message);
                _open[key] = alert;
            }
            else if (isOpen && shouldClose)
            {
                alert = _store.Close(tags, alert!, at);
                _open.Remove(key);
            }
            else
            {
                return;
            }

            PipelineMetrics.AlertsOpen.Set(_open.Count);
            _changes.Writer.TryWrite(new AlertChange(alert!, tags));
            Tell(alert!);
        }
    }

    /// <summary>Acknowledges an alert; false when there is no such unacknowledged alert.</summary>
    public bool Acknowledge(long id)
    {
        var acknowledged = _store.Acknowledge(id, _timeProvider.GetUtcNow());
        if (acknowledged && _store.Find(id) is { } alert)
        {
            Tell(alert);
        }

        return acknowledged;
    }

    private void Tell(Alert alert)
    {
        foreach (var observer in _observers.Value)
        {
            observer.OnAlert(alert);
        }
    }

    private void Evaluate(SeriesTags tags, GasPoint point, PouchAlertHistory history, AlertThresholds t, double sensorMaxPa)
    {
        if ((point.SwellingMlPerG ?? point.DryGasMlStdPerG) is { } gasPerG)
        {
            var basis = point.SwellingMlPerG is null ? "dry gas at the experiment's standard conditions" : "pouch volume change";
            Upper(tags, AlertKind.Swelling, gasPerG, t.SwellingMlPerG, point, t, $"mL g⁻¹ ({basis})");
            var rate = history.RatePerHour(point.Time, gasPerG, t.SwellingRateWindow);
            Upper(tags, AlertKind.SwellingRate, rate, t.SwellingRateMlPerGPerH, point, t, $"mL g⁻¹ h⁻¹ ({basis})");
        }

        Upper(tags, AlertKind.Hydrogen, point.H2MlStd ?? point.DryGasMlStd, t.HydrogenMlStd, point, t, point.H2MlStd is null ? "mL at standard conditions (all gas counted as H₂ until a GC result)" : "mL H₂ at standard conditions");
        Upper(tags, AlertKind.OvenTemperature, Math.Abs(point.TemperatureC - t.OvenTemperatureC), t.OvenToleranceC, point, t, "°C from set point");
        var nearLimit = point.Flags.HasFlag(GasFlags.NearSensorLimit);
        Set(tags, AlertKind.NearSensorLimit, nearLimit, !nearLimit && point.PressurePa < t.NearSensorLimitClearFraction * sensorMaxPa,
            point.PressurePa, Format($"pressure {point.PressurePa:F0} Pa is near the sensor's limit of {sensorMaxPa:F0} Pa: vent the vessel"), point.Time);
        var leak = point.Flags.HasFlag(GasFlags.LeakSuspected);
        history.ReadingsWithoutLeak = leak ? 0 : history.ReadingsWithoutLeak + 1;
        Set(tags, AlertKind.LeakSuspected, leak, history.ReadingsWithoutLeak >= t.LeakClearReadings, point.DryGasMlStd,
            "gas is falling without a sampling or vent event: the vessel may leak", point.Time);
    }

    private void Upper(SeriesTags tags, AlertKind kind, double? value, double threshold, GasPoint point, AlertThresholds t, string unit)
    {
        if (value is { } v)
        {
            Set(tags, kind, v > threshold, v < threshold * (1 - t.HysteresisFraction), v,
                Format($"{AlertKinds.Name(kind)} {v:G4} {unit} (threshold {threshold:G4})"), point.Time);
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
