using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests;

/// <summary>Bounded waiting for something that happens on another thread.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Task WaitAsync(Func<bool> condition, string what) => WaitAsync(condition, what, Timeout);

    /// <summary>Waits for <paramref name="condition"/> up to <paramref name="timeout"/>: for work whose length scales with a busy machine.</summary>
    public static Task WaitAsync(Func<bool> condition, string what, TimeSpan timeout) =>
        Waiting.UntilAsync(condition, () => what, timeout, TestContext.Current.CancellationToken);
}
