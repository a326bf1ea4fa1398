using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Dashboard;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Alerts;

/// <summary>An alert engine on a real SQLite store and a fake clock, for one experiment with pouch P1 on sensor 0 of dev-a.</summary>
internal sealed class AlertScenario : IDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
    public static readonly SeriesTags Tags = new("e1", "P1", "mSi", "dev-a");
    private readonly TempFolder _folder = new();

    public AlertScenario()
    {
        var experimentPath = Path.Combine(_folder.Path, "experiment.json");
        File.WriteAllText(experimentPath, """
            {"experiment":"e1","pouches":[{"id":"P1","sample":"mSi","slurryMassG":1.0,
              "source":{"device":"dev-a","sensor":0},"vessel":{"kind":"headspace","gasVolumeMl":60}}]}
            """);
        Database = new SqliteDatabase(_folder.Path);
        Store = new AlertStore(Database, new Outbox(Database, Options.Create(new InfluxOptions())));
        Catalog = new ExperimentCatalog(Options.Create(new ExperimentOptions { Files = [experimentPath] }), new ExperimentStore(Database), Time);
        Engine = NewEngine();
        DeviceRules = new DeviceAlertRules(Engine, Catalog, Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public LiveFeed Live { get; } = new();

    public SqliteDatabase Database { get; }

    public AlertStore Store { get; }

    public ExperimentCatalog Catalog { get; }

    public AlertEngine Engine { get; }

    public DeviceAlertRules DeviceRules { get; }

    public AlertEngine NewEngine(AlertOptions? options = null) => new(Store, Options.Create(options ?? new AlertOptions()), Time, new Lazy<IReadOnlyList<IPipelineObserver>>([Live]));

    /// <summary>A point <paramref name="minutes"/> after the start; 50 °C and 101 kPa unless given.</summary>
    public static GasPoint Point(double minutes, double? gasMlPerG = null, double temperatureC = 50, double pressurePa = 101_000,
        GasFlags flags = GasFlags.None, double? h2Ml = null) => new()
        {
            Time = Start.AddMinutes(minutes),
            PressurePa = pressurePa,
            TemperatureC = temperatureC,
            DryGasMlStd = gasMlPerG,
            DryGasMlStdPerG = gasMlPerG,
            H2MlStd = h2Ml,
            Flags = flags,
        };

    /// <summary>Feeds one point at a time, a minute of fake time apart, and returns after each whether <paramref name="kind"/> is open.</summary>
    public List<bool> Feed(AlertKind kind, params GasPoint[] points) =>
        points.Select(p =>
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            Engine.OnPoints(Tags, [p], 110_000);
            return IsOpen(kind);
        }).ToList();

    public bool IsOpen(AlertKind kind) => Store.OpenAlerts().Any(a => a.Kind == kind);

    public IReadOnlyList<Alert> All(AlertKind kind) => Store.All().Where(a => a.Kind == kind).ToList();

    public void Dispose() => _folder.Dispose();
}
