namespace PouchMonitor.TestSupport;

/// <summary>Bounded waiting for a fact that comes true on another thread or in another process.</summary>
public static class Waiting
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, at most <paramref name="timeout"/>; on timeout throws a
    /// <see cref="TimeoutException"/> with <paramref name="what"/> (evaluated then, so it can say what is missing).
    /// </summary>
    public static Task UntilAsync(Func<bool> condition, Func<string> what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), what, timeout, cancellationToken);
    }

    /// <summary>As the other overload, for a fact that takes a call to find out (an HTTP request, a connection attempt).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(what);
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what()}");
            }

            await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
