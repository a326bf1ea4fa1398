using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Reports the InfluxDB mirror: degraded while its attempts fail (nothing is lost, the outbox keeps growing),
/// healthy otherwise; the backlog (counted in memory) and the failure count are in the description.
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

        var backlog = outbox.Backlog;
        return Task.FromResult(mirror.LastError is { } error
            ? HealthCheckResult.Degraded($"{backlog} lines waiting; mirror failing ({mirror.FailureCount} failed attempts so far), last error: {error}")
            : HealthCheckResult.Healthy($"{backlog} lines waiting; {mirror.FailureCount} failed attempts so far"));
    }
}
