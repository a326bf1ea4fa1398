using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Ingestion;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Api;

/// <summary>Found by MalformedHttpTests: a JSON body in a charset .NET refuses to read was a 500.</summary>
public sealed class JsonCharsetTests
{
    [Theory]
    [InlineData("utf-7")]
    [InlineData("no-such-charset")]
    public async Task Post_JsonInUnreadableCharset_UnsupportedMediaTypeProblem(string charset)
    {
        using var folder = new TempFolder();
        var example = ExampleData.Create(folder.Path);
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = folder.Path,
            ["Experiments:Files:0"] = example.ExperimentPath,
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        using var content = new StringContent("{\"time\":\"2026-01-06T22:15:00Z\"}", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");

        using var response = await host.Http.PostAsync(
            new Uri($"api/experiments/{example.Experiment.Name}/pouches/{example.Experiment.Pouches[0].Spec.Id}/tare", UriKind.Relative),
            content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains(charset, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
