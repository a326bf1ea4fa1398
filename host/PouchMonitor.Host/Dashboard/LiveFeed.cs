using System.Collections.Concurrent;
using System.Threading.Channels;

namespace PouchMonitor.Host.Dashboard;

/// <summary>
/// Fans new gas points and alert changes out to the dashboard's open event streams. Each stream has a small
/// bounded queue that drops its oldest message, so a stalled browser can never hold back ingestion.
/// </summary>
public sealed class LiveFeed
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

    /// <summary>Opens a stream; dispose the subscription to close it.</summary>
    public LiveSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<LiveMessage>(new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers.TryAdd(channel, 0);
        return new LiveSubscription(channel.Reader, () => _subscribers.TryRemove(channel, out _));
    }
}
