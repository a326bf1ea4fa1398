namespace PouchMonitor.TestSupport;

/// <summary>Bounded waiting for a fact that comes true on another thread or in another process.</summary>
public static class Waiting
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, at most <paramref name="timeout"/>; on timeout throws a
    /// <see cref="TimeoutException"/> with <paramref name="what"/> (evaluated then, so it can say what is missing).
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, Func<string> what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(what);
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what()}");
            }

            await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
