using System.Threading.Channels;

namespace PouchMonitor.Host.Dashboard;

/// <summary>One open dashboard event stream of the <see cref="LiveFeed"/>.</summary>
public sealed class LiveSubscription(ChannelReader<LiveMessage> messages, Action close) : IDisposable
{
    /// <summary>The stream's messages.</summary>
    public ChannelReader<LiveMessage> Messages => messages;

    /// <inheritdoc/>
    public void Dispose() => close();
}
