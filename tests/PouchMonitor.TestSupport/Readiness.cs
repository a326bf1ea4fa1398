namespace PouchMonitor.TestSupport;

/// <summary>Bounded polling until a freshly started server answers.</summary>
internal static class Readiness
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task WaitAsync(ServerProcess process, string what, Func<Task<bool>> isReady)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited at start:\n{process.Output}");
            }

            try
            {
                if (await isReady().ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(Interval).ConfigureAwait(false);
        }

        throw new TimeoutException($"{what} not ready within {Timeout.TotalSeconds} s:\n{process.Output}");
    }
}
