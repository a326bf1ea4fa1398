using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PouchMonitor.Host.Storage;

/// <summary>Healthy while the SQLite store answers.</summary>
public sealed class StorageHealthCheck(ReadingStore readings) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{readings.Count()} readings stored"));
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("SQLite store failed", ex));
        }
    }
}
