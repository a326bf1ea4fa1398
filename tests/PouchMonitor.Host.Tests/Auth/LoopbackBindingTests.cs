using Microsoft.Extensions.Configuration;
using PouchMonitor.Host.Auth;

namespace PouchMonitor.Host.Tests.Auth;

public sealed class LoopbackBindingTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://127.0.0.1:8080;http://[::1]:8080", true)]
    [InlineData("http://127.0.0.2:8080", true)]
    [InlineData("http://127.0.0.1:8080;http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://lab-pc.example:8080", false)]
    public void IsLoopbackOnly_Urls_OpenReadsOnlyOnLoopback(string? urls, bool loopback)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        Assert.Equal(loopback, LoopbackBinding.IsLoopbackOnly(configuration));
    }

    [Fact]
    public void IsLoopbackOnly_KestrelEndpointOnAllAddresses_IsNotLoopback()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:8080",
            ["Kestrel:Endpoints:Https:Url"] = "https://0.0.0.0:8443",
        }).Build();

        Assert.False(LoopbackBinding.IsLoopbackOnly(configuration));
    }
}
