using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Tests.Storage;

/// <summary>Occupies a writer's thread with a work of the test's own, so that later work queues up into one group.</summary>
internal static class WriterHold
{
    /// <summary>Returns once the writer runs the holding work; that work ends when <paramref name="gate"/> opens.</summary>
    public static Task Until(WriteQueue writer, ManualResetEventSlim gate)
    {
        using var started = new ManualResetEventSlim();
        var holding = writer.WriteAsync(_ =>
        {
            started.Set();
            gate.Wait(TestContext.Current.CancellationToken);
        });
        started.Wait(TestContext.Current.CancellationToken);
        return holding;
    }
}
