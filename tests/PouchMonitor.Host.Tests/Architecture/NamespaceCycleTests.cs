using PouchMonitor.Host.Hosting;

namespace PouchMonitor.Host.Tests.Architecture;

/// <summary>The host's namespaces depend on each other in one direction (docs/host.md, "Architecture").</summary>
public class NamespaceCycleTests
{
    [Fact]
    public void HostAssembly_NamespaceDependencies_HaveNoCycle()
    {
        var cycle = NamespaceGraph.Of(typeof(ServeApplication).Assembly, "PouchMonitor.Host").FindCycle();

        Assert.True(cycle.Count == 0, "Namespace cycle:\n" + string.Join("\n", cycle));
    }
}
