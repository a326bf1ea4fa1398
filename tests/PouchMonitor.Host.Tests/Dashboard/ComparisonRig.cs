using System.Globalization;
using System.Text.Json.Nodes;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Dashboard;

/// <summary>
/// A host with two batches (experiments <see cref="BatchOne"/> and <see cref="BatchTwo"/>, one board each, sealed a day
/// apart) of six headspace pouches: a triplicate of bare micro-Si (group "bare", plateaus near 10 mL g⁻¹ slurry) and a
/// triplicate of coated micro-Si (group "coated", near 0.02 mL g⁻¹), all mL of dry gas at 0 °C and 101.325 kPa,
/// following first-order curves and fed through the MQTT ingestor as the boards would send them.
/// </summary>
internal sealed class ComparisonRig : IAsyncDisposable
{
    public const string BatchOne = "batch-1", BatchTwo = "batch-2";
    public const string BareSample = "mSi/CMC/SWCNT", CoatedSample = "mSi@NHC-700-10/CMC/SWCNT";
    public const double SlurryMassG = 1.1;
    private const double HeadspaceMl = 200, OvenC = 50, TauDays = 2.5;
    private static readonly DateTimeOffset SealedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60) - TimeSpan.FromDays(7);
    private readonly TempFolder _folder;

    private ComparisonRig(TempFolder folder, ServeHost host)
    {
        _folder = folder;
        Host = host;
    }

    public ServeHost Host { get; }

    /// <summary>Pouch ids of a batch in file order: three bare, then three coated.</summary>
    public static IReadOnlyList<string> PouchIds { get; } = ["P1", "P2", "P3", "P4", "P5", "P6"];

    public static async Task<ComparisonRig> StartAsync()
    {
        var folder = new TempFolder();
        var files = new[] { BatchOne, BatchTwo }.Select(name => Write(folder, name)).ToList();
        var host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = folder.Path,
            ["Experiments:Files:0"] = files[0],
            ["Experiments:Files:1"] = files[1],
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        return new ComparisonRig(folder, host);
    }

    /// <summary>Evolved gas of pouch <paramref name="index"/> (0–5) of a batch after <paramref name="days"/>, mL g⁻¹ slurry at 0 °C, 101.325 kPa.</summary>
    public static double GasMlPerG(string batch, int index, double days)
    {
        var plateau = index < 3 ? 10 + (0.6 * (index - 1)) + (batch == BatchTwo ? 1.5 : 0) : 0.02 + (0.004 * (index - 4));
        return plateau * (1 - Math.Exp(-days / TauDays));
    }

    /// <summary>Sends every pouch's readings of <paramref name="batch"/> from its seal for <paramref name="days"/> days, one per <paramref name="step"/>.</summary>
    public void Feed(string batch, double days, TimeSpan step)
    {
        var sealedAt = SealedAt + (batch == BatchTwo ? TimeSpan.FromDays(1) : TimeSpan.Zero);
        var readings = new List<(DateTimeOffset, int, double, double)>();
        for (var t = TimeSpan.Zero; t.TotalDays <= days; t += step)
        {
            readings.AddRange(Enumerable.Range(0, PouchIds.Count).Select(i => (sealedAt + t, i, PressurePa(GasMlPerG(batch, i, t.TotalDays) * SlurryMassG), OvenC)));
        }

        new BoardFeed(Host.Get<MessageIngestor>(), Device(batch)).Send(readings);
    }

    private static double PressurePa(double gasMlStd)
    {
        var moles = IdealGas.Moles(StandardConditions.Default.PressurePa, gasMlStd, StandardConditions.Default.TemperatureC);
        return 101_325.0 + (moles * IdealGas.MolarGasConstant * (OvenC + IdealGas.ZeroCelsiusK) / (HeadspaceMl * 1e-6));
    }

    private static string Device(string batch) => $"rig-{batch}";

    private static string Write(TempFolder folder, string batch)
    {
        var pouches = new JsonArray([.. PouchIds.Select((id, i) => (JsonNode)new JsonObject
        {
            ["id"] = id,
            ["sample"] = i < 3 ? BareSample : CoatedSample,
            ["group"] = i < 3 ? "bare" : "coated",
            ["slurryMassG"] = SlurryMassG,
            ["activeMassG"] = 0.44,
            ["vessel"] = new JsonObject { ["kind"] = "headspace", ["gasVolumeMl"] = HeadspaceMl, ["wet"] = true },
            ["source"] = new JsonObject { ["device"] = Device(batch), ["sensor"] = i },
        })]);
        var path = Path.Combine(folder.Path, $"{batch}.json");
        File.WriteAllText(path, new JsonObject { ["experiment"] = batch, ["pouches"] = pouches }.ToJsonString());
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
