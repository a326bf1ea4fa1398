using Prometheus;

namespace PouchMonitor.Host.Ingestion;

/// <summary>Prometheus metrics of the ingestion pipeline (served on <c>/metrics</c>).</summary>
public static class PipelineMetrics
{
    /// <summary>Readings received, duplicates included.</summary>
    public static readonly Counter ReadingsReceived = Metrics.CreateCounter(
        "pouchmon_readings_received_total", "Readings received over MQTT, duplicates included.");

    /// <summary>Readings dropped as repeats of a stored (device, boot, seq).</summary>
    public static readonly Counter ReadingsDuplicate = Metrics.CreateCounter(
        "pouchmon_readings_duplicate_total", "Readings dropped as repeats of a stored (device, boot, seq).");

    /// <summary>Messages quarantined, by topic kind.</summary>
    public static readonly Counter MessagesRejected = Metrics.CreateCounter(
        "pouchmon_messages_rejected_total", "Messages that broke the contract and were quarantined.", "kind");

    /// <summary>Receive time minus reading time of the newest reading of the last batch.</summary>
    public static readonly Gauge ReadingLagSeconds = Metrics.CreateGauge(
        "pouchmon_reading_lag_seconds", "Receive time minus measurement time of the last batch's newest reading.");

    /// <summary>Lines waiting for InfluxDB.</summary>
    public static readonly Gauge OutboxBacklog = Metrics.CreateGauge(
        "pouchmon_outbox_backlog", "Line-protocol lines waiting to be written to InfluxDB.");

    /// <summary>Open alerts.</summary>
    public static readonly Gauge AlertsOpen = Metrics.CreateGauge(
        "pouchmon_alerts_open", "Alerts open now.");
}
