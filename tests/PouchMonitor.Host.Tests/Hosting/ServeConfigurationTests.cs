using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using PouchMonitor.Host.Hosting;

namespace PouchMonitor.Host.Tests.Hosting;

public sealed class ServeConfigurationTests
{
    [Fact]
    public async Task Build_Serve_WatchesNoConfigurationFile()
    {
        await using var app = ServeApplication.Build([]);

        var root = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var jsonSources = root.Providers.OfType<JsonConfigurationProvider>().Select(p => p.Source).ToList();

        Assert.NotEmpty(jsonSources);
        Assert.All(jsonSources, source => Assert.False(source.ReloadOnChange));
    }
}
