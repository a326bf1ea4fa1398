using System.Buffers;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Ingestion;

/// <summary>
/// Takes every MQTT message once: validates it against contract v1, quarantines what breaks it (never throwing),
/// stores readings once per (device, boot, seq) and hands the placed ones on.
/// </summary>
public sealed partial class MessageIngestor(
    ReadingStore readings,
    QuarantineStore quarantine,
    GasPipeline pipeline,
    DeviceAlertRules deviceAlerts,
    IEnumerable<IIngestionObserver> observers,
    TimeProvider timeProvider,
    ILogger<MessageIngestor> logger)
{
    private readonly IReadOnlyList<IIngestionObserver> _observers = [.. observers];

    /// <summary>Handles one message; throws only when the local store fails, so the message is not acknowledged.</summary>
    public void Handle(string topic, ReadOnlySequence<byte> payload)
    {
        var receivedAt = timeProvider.GetUtcNow();
        if (!Topics.TryParseDeviceTopic(topic, out var deviceId, out var kind))
        {
            Reject(receivedAt, topic, payload, "other", "not a pouchmon/v1 device topic");
            return;
        }

        switch (kind)
        {
            case DeviceTopicKind.Readings:
                HandleReadings(receivedAt, topic, deviceId, payload);
                break;
            case DeviceTopicKind.Status:
                HandleStatus(receivedAt, topic, deviceId, payload);
                break;
            case DeviceTopicKind.Config:
                HandleConfig(receivedAt, topic, deviceId, payload);
                break;
            default:
                // Echoed commands carry nothing the host uses.
                break;
        }
    }

    private void HandleReadings(DateTimeOffset receivedAt, string topic, string deviceId, ReadOnlySequence<byte> payload)
    {
        var result = ReadingBatchDecoder.Decode(deviceId, payload);
        if (!result.IsValid)
        {
            Reject(receivedAt, topic, payload, "readings", result.Error);
            return;
        }

        var insert = readings.Add(result.Value, receivedAt);
        deviceAlerts.OnBatch(result.Value);
        foreach (var observer in _observers)
        {
            observer.OnReadings(result.Value, receivedAt);
        }

        PipelineMetrics.ReadingsReceived.Inc(result.Value.Readings.Count);
        PipelineMetrics.ReadingsDuplicate.Inc(insert.Duplicates);
        if (insert.Placed.Count > 0)
        {
            PipelineMetrics.ReadingLagSeconds.Set((receivedAt - insert.Placed[^1].Time).TotalSeconds);
            pipeline.Accept(insert.Placed);
        }
    }

    private void HandleStatus(DateTimeOffset receivedAt, string topic, string deviceId, ReadOnlySequence<byte> payload)
    {
        var result = DeviceStatusDecoder.Decode(deviceId, payload);
        if (!result.IsValid)
        {
            Reject(receivedAt, topic, payload, "status", result.Error);
            return;
        }

        deviceAlerts.OnStatus(result.Value);
        foreach (var observer in _observers)
        {
            observer.OnStatus(result.Value, receivedAt);
        }
    }

    private void HandleConfig(DateTimeOffset receivedAt, string topic, string deviceId, ReadOnlySequence<byte> payload)
    {
        var result = DeviceConfigDecoder.Decode(deviceId, payload);
        if (!result.IsValid)
        {
            Reject(receivedAt, topic, payload, "config", result.Error);
            return;
        }

        foreach (var observer in _observers)
        {
            observer.OnConfig(result.Value, receivedAt);
        }
    }

    private void Reject(DateTimeOffset receivedAt, string topic, ReadOnlySequence<byte> payload, string kind, string reason)
    {
        quarantine.Add(receivedAt, topic, payload, reason);
        PipelineMetrics.MessagesRejected.WithLabels(kind).Inc();
        LogRejected(topic, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined a message on {Topic}: {Reason}")]
    private partial void LogRejected(string topic, string reason);
}
