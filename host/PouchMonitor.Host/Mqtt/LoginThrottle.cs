namespace PouchMonitor.Host.Mqtt;

/// <summary>
/// Counts failed logins per key (a remote address, a user) and refuses a key for a growing window once it has
/// failed <see cref="FreeFailures"/> times in a row: 1 s, then twice as long at each further failure, at most 15 min.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    /// <summary>Failures in a row after which a key is refused.</summary>
    public const int FreeFailures = 5;

    /// <summary>Keys tracked before idle ones are forgotten, so random addresses cannot grow memory without bound.</summary>
    private const int PruneAbove = 1024;

    private static readonly TimeSpan FirstBlock = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBlock = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, Failures> _failures = [];
    private readonly Lock _lock = new();

    /// <summary>True while <paramref name="key"/> is refused.</summary>
    public bool IsBlocked(string key)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(key, out var f) && f.BlockedUntil > time.GetUtcNow();
        }
    }

    /// <summary>Counts one failure; returns the window the key is now refused for, when this failure starts or grows one.</summary>
    public TimeSpan? RecordFailure(string key)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Prune(now);
            // A failure long after the last one starts a new burst.
            var count = (_failures.TryGetValue(key, out var f) && now - f.LastAt <= LongestBlock ? f.Count : 0) + 1;
            var block = count < FreeFailures ? (TimeSpan?)null : Window(count - FreeFailures + 1);
            _failures[key] = new Failures(count, now, block is { } b ? now + b : DateTimeOffset.MinValue);
            return block;
        }
    }

    /// <summary>A successful login clears the key's count.</summary>
    public void RecordSuccess(string key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>How many failures in a row the key has; 1 marks the start of a burst.</summary>
    public int FailureCount(string key)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(key, out var f) ? f.Count : 0;
        }
    }

    private static TimeSpan Window(int blockedFailures) =>
        blockedFailures > 10 ? LongestBlock : TimeSpan.FromTicks(Math.Min(FirstBlock.Ticks << (blockedFailures - 1), LongestBlock.Ticks));

    private void Prune(DateTimeOffset now)
    {
        if (_failures.Count < PruneAbove)
        {
            return;
        }

        foreach (var key in _failures.Where(p => now - p.Value.LastAt > LongestBlock).Select(p => p.Key).ToList())
        {
            _failures.Remove(key);
        }
    }

    private readonly record struct Failures(int Count, DateTimeOffset LastAt, DateTimeOffset BlockedUntil);
}
