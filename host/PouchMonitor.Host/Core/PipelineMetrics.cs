using Prometheus;

namespace PouchMonitor.Host.Core;

/// <summary>Prometheus metrics of the ingestion pipeline (served on <c>/metrics</c>).</summary>
public static class PipelineMetrics
{
    /// <summary>Readings received, duplicates included.</summary>
    public static readonly Counter ReadingsReceived = Metrics.CreateCounter(
        "pouchmon_readings_received_total", "Readings received over MQTT, duplicates included.");

    /// <summary>Readings dropped as repeats of a stored (device, boot, seq).</summary>
    public static readonly Counter ReadingsDuplicate = Metrics.CreateCounter(
        "pouchmon_readings_duplicate_total", "Readings dropped as repeats of a stored (device, boot, seq).");

    /// <summary>Readings whose (device, boot, seq) was stored with other values, kept as conflicts.</summary>
    public static readonly Counter ReadingsConflicting = Metrics.CreateCounter(
        "pouchmon_readings_conflicting_total", "Readings whose (device, boot, seq) is stored with other values, kept in reading_conflicts.");

    /// <summary>Commits of the writer that failed; their messages were not acknowledged.</summary>
    public static readonly Counter StorageCommitsFailed = Metrics.CreateCounter(
        "pouchmon_storage_commits_failed_total", "SQLite commits that failed; their messages were not acknowledged and are delivered again.");

    /// <summary>Messages quarantined, by topic kind.</summary>
    public static readonly Counter MessagesRejected = Metrics.CreateCounter(
        "pouchmon_messages_rejected_total", "Messages that broke the contract and were quarantined.", "kind");

    /// <summary>Receive time minus reading time of the newest reading of the last batch.</summary>
    public static readonly Gauge ReadingLagSeconds = Metrics.CreateGauge(
        "pouchmon_reading_lag_seconds", "Receive time minus measurement time of the last batch's newest reading.");

    /// <summary>Lines waiting for InfluxDB.</summary>
    public static readonly Gauge OutboxBacklog = Metrics.CreateGauge(
        "pouchmon_outbox_backlog", "Line-protocol lines waiting to be written to InfluxDB.");

    /// <summary>1 while the InfluxDB mirror's attempts fail, else 0.</summary>
    public static readonly Gauge MirrorFailing = Metrics.CreateGauge(
        "pouchmon_mirror_failing", "1 while the InfluxDB mirror's attempts fail (it retries with backoff), else 0.");

    /// <summary>Failed attempts of the InfluxDB mirror, of InfluxDB or of the local store.</summary>
    public static readonly Counter MirrorFailures = Metrics.CreateCounter(
        "pouchmon_mirror_failures_total", "Failed attempts of the InfluxDB mirror, of InfluxDB or of the local store.");

    /// <summary>Lines InfluxDB rejected as malformed.</summary>
    public static readonly Counter MirrorLinesRejected = Metrics.CreateCounter(
        "pouchmon_mirror_lines_rejected_total", "Line-protocol lines InfluxDB rejected as malformed (HTTP 400/422), dropped.");

    /// <summary>Open alerts.</summary>
    public static readonly Gauge AlertsOpen = Metrics.CreateGauge(
        "pouchmon_alerts_open", "Alerts open now.");
}
