using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Reports the InfluxDB mirror: degraded while writes fail (nothing is lost, the outbox keeps growing),
/// healthy otherwise; the backlog is in the description.
/// </summary>
public sealed class OutboxHealthCheck(Outbox outbox, InfluxMirror mirror, IOptions<InfluxOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.IsEnabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no InfluxDB configured"));
        }

        var backlog = outbox.Count();
        return Task.FromResult(mirror.LastError is { } error
            ? HealthCheckResult.Degraded($"{backlog} lines waiting; last write failed: {error}")
            : HealthCheckResult.Healthy($"{backlog} lines waiting"));
    }
}
