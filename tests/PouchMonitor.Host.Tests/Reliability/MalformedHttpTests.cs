using System.Diagnostics;
using System.Globalization;
using System.Net;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Ingestion;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// Bad input at volume over HTTP: generated malformed requests and upload files (<see cref="MalformedRequests"/>) with
/// an operator's token, several in flight. Every answer is 2xx or 4xx, never 5xx; the host stays up (health) and its
/// memory bounded. The single range checks are in ApiTests, LabEntryTests and DashboardApiTests.
/// </summary>
[Collection(nameof(ReliabilityCollection))]
public sealed class MalformedHttpTests
{
    private const int InFlight = 8;
    private static readonly int Requests = SuiteSize.Pick(1_000, 10_000);

    [Fact]
    public async Task Send_GeneratedMalformedRequestsAndUploads_NeverAServerErrorHostUpMemoryBounded()
    {
        using var folder = new TempFolder();
        var example = ExampleData.Create(folder.Path);
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = folder.Path,
            ["Experiments:Files:0"] = example.ExperimentPath,
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Error",
        });
        var before = WorkingSetMb();
        var generator = new MalformedRequests(seed: 7, example.Experiment.Name, example.Experiment.Pouches[0].Spec.Id);
        var byClass = new int[6];
        var serverErrors = new List<string>();
        for (var first = 0; first < Requests; first += InFlight)
        {
            var requests = Enumerable.Range(first, Math.Min(InFlight, Requests - first)).Select(generator.Next).ToList();
            var statuses = await Task.WhenAll(requests.Select(r => SendAsync(host.Http, r.Request)));
            foreach (var (status, (request, what)) in statuses.Zip(requests))
            {
                byClass[(int)status / 100]++;
                if ((int)status >= 500 && serverErrors.Count < 10)
                {
                    serverErrors.Add($"{(int)status} for {what}");
                }

                request.Dispose();
            }
        }

        using var health = await host.Http.GetAsync(new Uri("healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var after = WorkingSetMb();
        Figures.Add("bad input", "malformed HTTP requests and gc.csv uploads", string.Create(CultureInfo.InvariantCulture,
            $"{Requests:N0} sent: {byClass[2]:N0} 2xx, {byClass[4]:N0} 4xx, {byClass[5]:N0} 5xx; health {(int)health.StatusCode}; test process (host in it) working set {before:F0} → {after:F0} MB"));
        Assert.True(serverErrors.Count == 0, string.Join('\n', serverErrors) + "\n" + string.Join('\n', host.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Take(3)));
        Assert.Equal(Requests, byClass[2] + byClass[4]);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(after < before + 300, $"working set {before:F0} → {after:F0} MB");
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static double WorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1e6;
    }
}
