using System.Collections.Concurrent;
using System.Threading.Channels;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Dashboard;

/// <summary>
/// Fans new gas points and alert changes out to the dashboard's open event streams. Each stream has a small
/// bounded queue that drops its oldest message, so a stalled browser can never hold back ingestion.
/// </summary>
public sealed class LiveFeed : IPipelineObserver
{
    private const int QueueLength = 256;
    private readonly ConcurrentDictionary<Channel<LiveMessage>, byte> _subscribers = new();

    /// <summary>Queues a message for every open stream.</summary>
    public void Publish(LiveMessage message)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryWrite(message);
        }
    }

    /// <summary>The newest point of the pouch, as a <c>reading</c> event.</summary>
    public void OnPoints(Experiment experiment, ExperimentPouch pouch, IReadOnlyList<GasPoint> points)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(points);
        Publish(new LiveMessage(experiment.Name, "reading", LiveReading.Of(pouch, points[^1])));
    }

    /// <summary>The alert, as an <c>alert</c> event.</summary>
    public void OnAlert(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Publish(new LiveMessage(alert.Experiment, "alert", alert));
    }

    /// <summary>Opens a stream; dispose the subscription to close it.</summary>
    public LiveSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<LiveMessage>(new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers.TryAdd(channel, 0);
        return new LiveSubscription(channel.Reader, () => _subscribers.TryRemove(channel, out _));
    }
}
