using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PouchMonitor.Host.Storage;

/// <summary>Unhealthy while commits of the writer fail (disk full, locked, I/O error) or the store does not answer.</summary>
public sealed class StorageHealthCheck(ReadingStore readings, WriteQueue writer) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (writer.Failure is { } failure)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"SQLite writes fail since {failure.Since:o} ({writer.FailedCommits} failed commits so far); nothing is acknowledged meanwhile: {failure.Reason}"));
        }

        try
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{readings.Count()} readings stored; {writer.FailedCommits} failed commits so far"));
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("SQLite store failed", ex));
        }
    }
}
