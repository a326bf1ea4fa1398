using System.Text.Json;

namespace PouchMonitor.TestSupport;

/// <summary>One line of VictoriaMetrics' <c>/api/v1/export</c>: a series' labels and its samples.</summary>
/// <param name="Metric">Labels, <c>__name__</c> included (InfluxDB line protocol maps to <c>{measurement}_{field}</c>).</param>
/// <param name="Values">Sample values.</param>
/// <param name="Timestamps">Sample times, Unix milliseconds.</param>
public sealed record ExportedSeries(IReadOnlyDictionary<string, string> Metric, IReadOnlyList<double> Values, IReadOnlyList<long> Timestamps)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The metric name.</summary>
    public string Name => Metric["__name__"];
}
