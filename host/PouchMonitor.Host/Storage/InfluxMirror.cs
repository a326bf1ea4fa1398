using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;
using Microsoft.Extensions.Options;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Drains the <see cref="Outbox"/> into InfluxDB in order. Every error, of the database or of the local store,
/// is caught: the loop waits with exponential backoff on the clock and tries again, for as long as it takes, and
/// logs once when a burst of failures starts and once when it ends. Writes are idempotent: a point with the same
/// series and timestamp overwrites itself, so a batch written again after a failed removal changes nothing.
/// </summary>
public sealed partial class InfluxMirror(
    Outbox outbox,
    IOptions<InfluxOptions> options,
    TimeProvider timeProvider,
    ILogger<InfluxMirror> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private readonly InfluxOptions _options = options.Value;
    private volatile string? _lastError;
    private long _failureCount;
    private long _rejectedLineCount;

    /// <summary>Why the last attempt failed while attempts fail; null once one succeeds.</summary>
    public string? LastError => _lastError;

    /// <summary>Attempts that failed since the start, of InfluxDB or of the local store.</summary>
    public long FailureCount => Interlocked.Read(ref _failureCount);

    /// <summary>Lines dropped because the database rejected them as malformed (HTTP 400/422).</summary>
    public long RejectedLineCount => Interlocked.Read(ref _rejectedLineCount);

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
            try
            {
                await DrainOnceAsync(writeApi, stoppingToken).ConfigureAwait(false);
                Recovered();
                backoff = _options.InitialBackoff;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: a write cut short is sent again at the next start.
                return;
            }
            catch (Exception ex)
            {
                Failed(ex);
                try
                {
                    await Task.Delay(backoff, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Writes and removes the oldest batch, or waits for lines when there are none.</summary>
    private async Task DrainOnceAsync(WriteApiAsync writeApi, CancellationToken cancellationToken)
    {
        var batch = outbox.Peek(_options.BatchSize);
        if (batch.Count == 0)
        {
            await outbox.WaitAsync(IdlePoll, timeProvider, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await writeApi.WriteRecordsAsync([.. batch.Select(l => LineProtocol.WithSite(l.Line, _options.Site))], WritePrecision.Ms, _options.Bucket, _options.Org, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (HttpException ex) when (ex.Status is 400 or 422)
        {
            // Malformed lines: retrying cannot help.
            Interlocked.Add(ref _rejectedLineCount, batch.Count);
            PipelineMetrics.MirrorLinesRejected.Inc(batch.Count);
            LogRejected(batch.Count, ex.Message);
        }

        outbox.Remove(batch);
    }

    private void Failed(Exception ex)
    {
        Interlocked.Increment(ref _failureCount);
        PipelineMetrics.MirrorFailures.Inc();
        PipelineMetrics.MirrorFailing.Set(1);
        if (_lastError is null)
        {
            LogFailing(ex.GetType().Name, ex.Message);
        }

        _lastError = ex.Message;
    }

    private void Recovered()
    {
        if (_lastError is not null)
        {
            _lastError = null;
            PipelineMetrics.MirrorFailing.Set(0);
            LogRecovered(outbox.Backlog);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB mirror failing, retrying with backoff ({Kind}): {Reason}")]
    private partial void LogFailing(string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB mirror writing again; {Backlog} lines waiting")]
    private partial void LogRecovered(long backlog);

    [LoggerMessage(Level = LogLevel.Error, Message = "InfluxDB rejected {Count} lines as malformed, dropped: {Reason}")]
    private partial void LogRejected(int count, string reason);
}
