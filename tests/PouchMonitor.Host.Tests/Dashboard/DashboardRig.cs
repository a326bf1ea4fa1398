using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Dashboard;

/// <summary>
/// A host with an eight-pouch headspace experiment on one board whose readings follow first-order gassing curves
/// (plateaus 1–4.5 mL at 0 °C, 101.325 kPa, in 200 mL at 50 °C), sealed six days and twenty minutes before the test starts, fed through the MQTT ingestor as the board would send them.
/// </summary>
internal sealed class DashboardRig : IAsyncDisposable
{
    public const string Experiment = "dashboard-rig";
    public const string DeviceId = "rig-1";
    public const int PouchCount = 8;
    private const double HeadspaceMl = 200;
    private const double OvenC = 50;
    private static readonly DateTimeOffset SealedAt =
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60) - TimeSpan.FromDays(6) - TimeSpan.FromMinutes(20);
    private readonly TempFolder _folder;
    private readonly BoardFeed _board;

    private DashboardRig(TempFolder folder, ServeHost host)
    {
        _folder = folder;
        Host = host;
        _board = new BoardFeed(host.Get<MessageIngestor>(), DeviceId);
    }

    public ServeHost Host { get; }

    public static IEnumerable<string> PouchIds => Enumerable.Range(1, PouchCount).Select(i => $"P{i:00}");

    public static async Task<DashboardRig> StartAsync()
    {
        var folder = new TempFolder();
        var pouches = new JsonArray([.. PouchIds.Select((id, i) => (JsonNode)new JsonObject
        {
            ["id"] = id,
            ["sample"] = i % 2 == 0 ? "mSi/CMC/SWCNT" : "mSi@NHC-700-10/CMC/SWCNT",
            ["slurryMassG"] = 1.1,
            ["activeMassG"] = 0.44,
            ["vessel"] = new JsonObject { ["kind"] = "headspace", ["gasVolumeMl"] = HeadspaceMl, ["wet"] = true },
            ["source"] = new JsonObject { ["device"] = DeviceId, ["sensor"] = i },
        })]);
        var path = Path.Combine(folder.Path, "experiment.json");
        File.WriteAllText(path, new JsonObject { ["experiment"] = Experiment, ["pouches"] = pouches }.ToJsonString());
        var host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = folder.Path,
            ["Experiments:Files:0"] = path,
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        return new DashboardRig(folder, host);
    }

    /// <summary>Gas made by pouch <paramref name="index"/> after <paramref name="days"/>, mL at 0 °C and 101.325 kPa.</summary>
    public static double GasMlStd(int index, double days) => (1 + 0.5 * index) * (1 - Math.Exp(-days / 2.5));

    /// <summary>Sends every pouch's readings from the seal for <paramref name="days"/> days, one per <paramref name="step"/>.</summary>
    public void FeedDays(double days, TimeSpan step)
    {
        var readings = new List<(DateTimeOffset, int, double, double)>();
        for (var t = TimeSpan.Zero; t.TotalDays <= days; t += step)
        {
            readings.AddRange(Enumerable.Range(0, PouchCount).Select(i => (SealedAt + t, i, PressurePa(i, t.TotalDays), OvenC)));
        }

        _board.Send(readings);
    }

    /// <summary>Sends one reading of pouch <paramref name="index"/> at <paramref name="time"/>.</summary>
    public void FeedOne(DateTimeOffset time, int index, double pressurePa) => _board.Send([(time, index, pressurePa, OvenC)]);

    /// <summary>The pressure of pouch <paramref name="index"/> after <paramref name="days"/>, Pa.</summary>
    public static double PressurePa(int index, double days)
    {
        var baselinePa = 101_325.0;
        var moles = IdealGas.Moles(StandardConditions.Default.PressurePa, GasMlStd(index, days), StandardConditions.Default.TemperatureC);
        return baselinePa + moles * IdealGas.MolarGasConstant * (OvenC + IdealGas.ZeroCelsiusK) / (HeadspaceMl * 1e-6);
    }

    /// <summary>Records a GC sampling of pouch <paramref name="pouch"/> on day <paramref name="days"/> and its H₂ result, through the API.</summary>
    public async Task AddSamplingAsync(string pouch, double days, double h2Percent)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var sampled = await Host.Http.PostAsJsonAsync(new Uri($"/api/experiments/{Experiment}/pouches/{pouch}/events", UriKind.Relative),
            new { time = TimeAt(days), kind = "sample", note = "GC 0.5 mL" }, cancel);
        using var imported = await Host.Http.PostAsJsonAsync(new Uri($"/api/experiments/{Experiment}/gc", UriKind.Relative),
            new[] { new { time = TimeAt(days), pouch, h2Percent } }, cancel);
        sampled.EnsureSuccessStatusCode();
        imported.EnsureSuccessStatusCode();
    }

    public static DateTimeOffset TimeAt(double days) => SealedAt + TimeSpan.FromDays(days);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
