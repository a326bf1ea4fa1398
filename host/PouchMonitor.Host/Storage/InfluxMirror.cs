using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;
using Microsoft.Extensions.Options;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Drains the <see cref="Outbox"/> into InfluxDB in order, retrying with exponential backoff for as long as
/// the database is down. Writes are idempotent: a point with the same series and timestamp overwrites itself.
/// </summary>
public sealed partial class InfluxMirror(
    Outbox outbox,
    IOptions<InfluxOptions> options,
    TimeProvider timeProvider,
    ILogger<InfluxMirror> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private readonly InfluxOptions _options = options.Value;

    /// <summary>Last write attempt's outcome, for the health check.</summary>
    public string? LastError { get; private set; }

    /// <summary>Lines dropped because the database rejected them as malformed (HTTP 400/422).</summary>
    public long RejectedLineCount { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.IsEnabled)
        {
            return;
        }

        using var client = new InfluxDBClient(new InfluxDBClientOptions(_options.Url!.ToString())
        {
            Token = _options.Token,
            Org = _options.Org,
            Bucket = _options.Bucket,
        });
        var writeApi = client.GetWriteApiAsync();
        var backoff = _options.InitialBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = outbox.Peek(_options.BatchSize);
            if (batch.Count == 0)
            {
                await outbox.WaitAsync(IdlePoll, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (await TryWriteAsync(writeApi, batch, stoppingToken).ConfigureAwait(false))
            {
                outbox.RemoveThrough(batch[^1].Id);
                backoff = _options.InitialBackoff;
            }
            else
            {
                await Task.Delay(backoff, timeProvider, stoppingToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>True when the batch is done with: written, or rejected as malformed (retrying cannot help).</summary>
    private async Task<bool> TryWriteAsync(WriteApiAsync writeApi, IReadOnlyList<OutboxLine> batch, CancellationToken cancellationToken)
    {
        try
        {
            var lines = batch.Select(l => l.Line).ToList();
            await writeApi.WriteRecordsAsync(lines, WritePrecision.Ms, _options.Bucket, _options.Org, cancellationToken).ConfigureAwait(false);
            LastError = null;
            return true;
        }
        catch (HttpException ex) when (ex.Status is 400 or 422)
        {
            RejectedLineCount += batch.Count;
            LogRejected(batch.Count, ex.Message);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LastError = ex.Message;
            LogWriteFailed(batch.Count, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB write of {Count} lines failed, will retry: {Reason}")]
    private partial void LogWriteFailed(int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "InfluxDB rejected {Count} lines as malformed, dropped: {Reason}")]
    private partial void LogRejected(int count, string reason);
}
