using System.Buffers;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Ingestion;

/// <summary>
/// Takes every MQTT message once: validates it against contract v1, quarantines what breaks it (never throwing),
/// and stores readings once per (device, boot, seq), with their gas points and InfluxDB lines, in one write of the
/// <see cref="WriteQueue"/>. The message may be acknowledged when the returned task completes: it is committed then.
/// </summary>
public sealed partial class MessageIngestor(
    WriteQueue writer,
    GasPipeline pipeline,
    IEnumerable<IPipelineObserver> observers,
    TimeProvider timeProvider,
    ILogger<MessageIngestor> logger) : IDeviceMessageHandler
{
    private readonly IReadOnlyList<IPipelineObserver> _observers = [.. observers];

    /// <summary>
    /// Handles one message. The payload is read before this returns; the task completes once what the message
    /// carries is committed, and fails only when the local store fails, so the message is not acknowledged.
    /// </summary>
    public Task HandleAsync(string topic, ReadOnlySequence<byte> payload)
    {
        var receivedAt = timeProvider.GetUtcNow();
        if (!Topics.TryParseDeviceTopic(topic, out var deviceId, out var kind))
        {
            return RejectAsync(receivedAt, topic, payload, "other", "not a pouchmon/v1 device topic");
        }

        return kind switch
        {
            DeviceTopicKind.Readings => HandleReadingsAsync(receivedAt, topic, deviceId, payload),
            DeviceTopicKind.Status => HandleStatusAsync(receivedAt, topic, deviceId, payload),
            DeviceTopicKind.Config => HandleConfigAsync(receivedAt, topic, deviceId, payload),
            // Echoed commands carry nothing the host uses.
            _ => Task.CompletedTask,
        };
    }

    private Task HandleReadingsAsync(DateTimeOffset receivedAt, string topic, string deviceId, ReadOnlySequence<byte> payload)
    {
        var result = ReadingBatchDecoder.Decode(deviceId, payload);
        if (!result.IsValid)
        {
            return RejectAsync(receivedAt, topic, payload, "readings", result.Error);
        }

        var batch = result.Value;
        return writer.WriteAsync(session => Store(session, batch, receivedAt));
    }

    private void Store(WriteSession session, ReadingBatch batch, DateTimeOffset receivedAt)
    {
        var insert = ReadingStore.Add(session, batch, receivedAt);
        if (insert.Placed.Count > 0)
        {
            pipeline.Accept(session, insert.Placed);
        }

        session.AfterCommit(() =>
        {
            foreach (var observer in _observers)
            {
                observer.OnReadings(batch, insert.Placed, receivedAt);
            }

            PipelineMetrics.ReadingsReceived.Inc(batch.Readings.Count);
            PipelineMetrics.ReadingsDuplicate.Inc(insert.Duplicates);
            if (insert.Conflicts > 0)
            {
                PipelineMetrics.ReadingsConflicting.Inc(insert.Conflicts);
                LogConflict(insert.Conflicts, batch.DeviceId, batch.Boot);
            }

            if (insert.Placed.Count > 0)
            {
                PipelineMetrics.ReadingLagSeconds.Set((receivedAt - insert.Placed[^1].Time).TotalSeconds);
            }
        });
    }

    private Task HandleStatusAsync(DateTimeOffset receivedAt, string topic, string deviceId, ReadOnlySequence<byte> payload)
    {
        var result = DeviceStatusDecoder.Decode(deviceId, payload);
        if (!result.IsValid)
        {
            return RejectAsync(receivedAt, topic, payload, "status", result.Error);
        }

        foreach (var observer in _observers)
        {
            observer.OnStatus(result.Value, receivedAt);
        }

        return Task.CompletedTask;
    }

    private Task HandleConfigAsync(DateTimeOffset receivedAt, string topic, string deviceId, ReadOnlySequence<byte> payload)
    {
        var result = DeviceConfigDecoder.Decode(deviceId, payload);
        if (!result.IsValid)
        {
            return RejectAsync(receivedAt, topic, payload, "config", result.Error);
        }

        foreach (var observer in _observers)
        {
            observer.OnConfig(result.Value, receivedAt);
        }

        return Task.CompletedTask;
    }

    private Task RejectAsync(DateTimeOffset receivedAt, string topic, ReadOnlySequence<byte> payload, string kind, string reason)
    {
        PipelineMetrics.MessagesRejected.WithLabels(kind).Inc();
        LogRejected(topic, reason);
        return writer.WriteAsync(QuarantineStore.Add(receivedAt, topic, payload, reason));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined a message on {Topic}: {Reason}")]
    private partial void LogRejected(string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} readings of {DeviceId} boot {Boot} arrived again with other values than stored; kept in reading_conflicts")]
    private partial void LogConflict(int count, string deviceId, uint boot);
}
