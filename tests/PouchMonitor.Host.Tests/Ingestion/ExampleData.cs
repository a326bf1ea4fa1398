using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Tests.Ingestion;

/// <summary>The bundled headspace example (two pouches, events, GC) wired to sensors 0 and 1 of device <c>dev-a</c>.</summary>
internal sealed class ExampleData
{
    public const string DeviceId = "dev-a";
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Examples", "example-headspace");

    private ExampleData(string experimentPath)
    {
        ExperimentPath = experimentPath;
        Experiment = ExperimentFile.Load(experimentPath);
        var ids = Experiment.Pouches.Select(p => p.Spec.Id).ToHashSet();
        Events = EventsCsvReader.Read(Path.Combine(Folder, "events.csv"), ids);
        (Gc, OtherGases) = GcCsvReader.Read(Path.Combine(Folder, "gc.csv"), ids);
        Readings = File.ReadLines(Path.Combine(Folder, "readings.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Pouch: f[1], Reading: new PressureReading(
                DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture))))
            .OrderBy(r => r.Reading.Time)
            .ToList();
    }

    public string ExperimentPath { get; }

    /// <summary>The example's readings, events and GC files, as <c>convert</c> takes them.</summary>
    public static string ReadingsPath => Path.Combine(Folder, "readings.csv");

    /// <inheritdoc cref="ReadingsPath"/>
    public static string EventsPath => Path.Combine(Folder, "events.csv");

    /// <inheritdoc cref="ReadingsPath"/>
    public static string GcPath => Path.Combine(Folder, "gc.csv");

    public Experiment Experiment { get; }

    public Dictionary<string, List<VesselEvent>> Events { get; }

    public Dictionary<string, List<GcResult>> Gc { get; }

    public IReadOnlyList<string> OtherGases { get; }

    /// <summary>Every reading in time order.</summary>
    public IReadOnlyList<(string Pouch, PressureReading Reading)> Readings { get; }

    /// <summary>
    /// Writes the example's experiment file, with pouch i on sensor i of <see cref="DeviceId"/>, into <paramref name="folder"/>;
    /// with <paramref name="secondIsBlankOfFirst"/> the first pouch names the second as its blank.
    /// </summary>
    public static ExampleData Create(string folder, bool secondIsBlankOfFirst = false)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "experiment.json")))!;
        var pouches = document["pouches"]!.AsArray();
        for (var i = 0; i < pouches.Count; i++)
        {
            pouches[i]!["source"] = new JsonObject { ["device"] = DeviceId, ["sensor"] = i };
        }

        if (secondIsBlankOfFirst)
        {
            pouches[0]!["blank"] = pouches[1]!["id"]!.GetValue<string>();
        }

        var path = Path.Combine(folder, "experiment.json");
        File.WriteAllText(path, document.ToJsonString());
        return new ExampleData(path);
    }

    /// <summary>Contract-v1 reading batches of <paramref name="readings"/> from one boot, sequence numbers from 0.</summary>
    public List<string> Batches(uint boot, IReadOnlyList<(string Pouch, PressureReading Reading)> readings, int batchSize) =>
        readings.Chunk(batchSize).Select((chunk, index) => JsonSerializer.Serialize(new
        {
            v = 1,
            device = DeviceId,
            boot,
            readings = chunk.Select((r, i) => new
            {
                seq = (index * batchSize) + i,
                up = ((index * batchSize) + i) * 1000L,
                t = r.Reading.Time.ToUnixTimeMilliseconds(),
                s = SensorOf(r.Pouch),
                p = r.Reading.PressurePa,
                c = r.Reading.TemperatureC,
            }),
        })).ToList();

    public int SensorOf(string pouchId) => Experiment.Pouches.ToList().FindIndex(p => p.Spec.Id == pouchId);

    /// <summary>What the physics library makes of the whole data set for one pouch, as <c>convert</c> does.</summary>
    public IReadOnlyList<GasPoint> Expected(string pouchId)
    {
        var pouch = Experiment.FindPouch(pouchId)!;
        var calculator = new PouchGasCalculator(
            pouch.Spec,
            Experiment.Settings,
            Events.GetValueOrDefault(pouchId) ?? [],
            new GasCompositionTimeline(Gc.GetValueOrDefault(pouchId) ?? [], OtherGases));
        var points = new List<GasPoint>();
        foreach (var (_, reading) in Readings.Where(r => r.Pouch == pouchId))
        {
            calculator.Add(reading, points);
        }

        calculator.Complete(points);
        return points;
    }
}
