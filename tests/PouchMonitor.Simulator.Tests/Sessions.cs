using PouchMonitor.Host.Demo;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Simulator.Tests;

/// <summary>Starts a <see cref="DemoSession"/> on free ports with its data in a fresh temporary folder.</summary>
internal static class Sessions
{
    public static Task<DemoSession> StartAsync(DemoSettings settings) =>
        DemoSession.StartAsync(
            settings with { PreferredHttpPort = FreePort.Next(), PreferredMqttPort = FreePort.Next() },
            TestContext.Current.CancellationToken);

    public static string NewDataFolder() => Directory.CreateTempSubdirectory("pouchmon-sim-test-").FullName;
}
