using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Experiments;

/// <summary>Reads experiment.json (docs/file-formats.md). Every error names the file and the JSON path.</summary>
public static partial class ExperimentFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks an experiment file.</summary>
    /// <exception cref="ExperimentFileException">The file is missing, unreadable or not a valid experiment.</exception>
    public static Experiment Load(string path) => Parse(ReadText(path), path);

    /// <summary>The text of an experiment file.</summary>
    /// <exception cref="ExperimentFileException">The file is missing or unreadable.</exception>
    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExperimentFileException($"{path}: cannot read the experiment file: {e.Message}", e);
        }
    }

    /// <summary>Parses and checks an experiment document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">What to call it in errors, e.g. its path.</param>
    /// <exception cref="ExperimentFileException">The document is not a valid experiment.</exception>
    public static Experiment Parse(string json, string source)
    {
        ExperimentJson? document;
        try
        {
            document = JsonSerializer.Deserialize<ExperimentJson>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ExperimentFileException($"{source}: {Describe(e)}", e);
        }

        var errors = new ErrorSink(source);
        return ToExperiment(document ?? throw errors.At("$", "the document is empty"), errors);
    }

    private static string Describe(JsonException e)
    {
        string path = e.Path ?? "$";
        string message = e.Message;
        const string unmappedStart = "The JSON property '";
        if (message.StartsWith(unmappedStart, StringComparison.Ordinal))
        {
            string name = message[unmappedStart.Length..message.IndexOf('\'', unmappedStart.Length)];
            return $"{(path.EndsWith("." + name, StringComparison.Ordinal) ? path : path + "." + name)}: unknown property '{name}'";
        }

        string where = e.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
        return message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"{path}: the value has the wrong type{where}"
            : $"{path}: invalid JSON{where}: {message.Split(" Path:")[0]}";
    }

    private static Experiment ToExperiment(ExperimentJson document, ErrorSink errors)
    {
        string name = Required(document.Experiment, "$.experiment", errors);
        var standard = document.Standard is { } s
            ? new StandardConditions(
                Range(s.TemperatureC ?? 0.0, -100, 100, "$.standard.temperatureC", "°C", errors),
                Range(s.PressurePa ?? 101_325.0, 1_000, 1_000_000, "$.standard.pressurePa", "Pa", errors))
            : StandardConditions.Default;
        double settleMinutes = Range(document.EventSettleMinutes ?? 0, 0, 24 * 60, "$.eventSettleMinutes", "min", errors);
        var leak = ToLeakRule(document.LeakRule, errors);
        var pouches = document.Pouches ?? throw errors.At("$.pouches", "required property is missing");
        if (pouches.Count == 0)
        {
            throw errors.At("$.pouches", "an experiment needs at least one pouch");
        }

        var result = pouches.Select((p, i) => ToPouch(p, $"$.pouches[{i}]", errors)).ToList();
        CheckUnique(result.Select(p => p.Spec.Id).ToList(), "id", errors);
        CheckUnique(result.Select(p => p.Source is { } src ? $"{src.Device}/{src.Sensor}" : null).ToList(), "source", errors);
        CheckBlanks(result, pouches, errors);
        return new Experiment(name, WithMethods(new ExperimentSettings(standard, TimeSpan.FromMinutes(settleMinutes), leak), document, errors), result);
    }

    private static LeakRule ToLeakRule(LeakRuleJson? json, ErrorSink errors) => json is null
        ? LeakRule.Default
        : new LeakRule(
            TimeSpan.FromHours(Range(json.WindowHours ?? LeakRule.Default.Window.TotalHours, 0.01, 24 * 30, "$.leakRule.windowHours", "h", errors)),
            Range(json.NoiseMultiple ?? LeakRule.Default.NoiseMultiple, 0, 1000, "$.leakRule.noiseMultiple", "σ", errors),
            Range(json.MinimumDropMlStd ?? LeakRule.Default.MinimumDropMlStd, 0, 1e6, "$.leakRule.minimumDropMlStd", "mL", errors));

    private static ExperimentPouch ToPouch(PouchJson? json, string path, ErrorSink errors)
    {
        if (json is null)
        {
            throw errors.At(path, "a pouch must be an object");
        }

        string id = Required(json.Id, path + ".id", errors);
        string sample = Required(json.Sample, path + ".sample", errors);
        double slurryMassG = Range(json.SlurryMassG ?? throw errors.At(path + ".slurryMassG", "required property is missing"), 1e-6, 1e6, path + ".slurryMassG", "g", errors);
        double? activeMassG = json.ActiveMassG is { } a ? Range(a, 1e-9, 1e6, path + ".activeMassG", "g", errors) : null;
        if (activeMassG > slurryMassG)
        {
            throw errors.At(path + ".activeMassG", string.Create(
                CultureInfo.InvariantCulture, $"{activeMassG} g is more than slurryMassG {slurryMassG} g: the active material is part of the slurry"));
        }

        DateTimeOffset? baselineAt = json.BaselineAt is null ? null
            : IsoTime.TryParse(json.BaselineAt, out var t) ? t
            : throw errors.At(path + ".baselineAt", $"'{json.BaselineAt}' is not an ISO 8601 time with an offset (e.g. 2026-11-01T08:00:00Z)");
        double sensorMaxPa = Range(json.SensorMaxPa ?? PouchSpec.Bme280MaxPressurePa, 1_000, 10_000_000, path + ".sensorMaxPa", "Pa", errors);
        var vessel = ToVessel(json.Vessel ?? throw errors.At(path + ".vessel", "required property is missing"), path + ".vessel", errors);
        var source = json.Source is { } src
            ? new PouchSource(
                Required(src.Device, path + ".source.device", errors),
                (int)Range(src.Sensor ?? throw errors.At(path + ".source.sensor", "required property is missing"), 0, 15, path + ".source.sensor", "(sensor index)", errors))
            : null;
        return new ExperimentPouch(WithOptions(new PouchSpec(id, sample, slurryMassG, activeMassG, baselineAt, vessel, sensorMaxPa, json.Group), json, path, errors), source);
    }

    private static Vessel ToVessel(VesselJson json, string path, ErrorSink errors)
    {
        bool wet = json.Wet ?? true;
        switch (json.Kind)
        {
            case "headspace":
                Forbidden(json.JarGasVolumeMl, path + ".jarGasVolumeMl", "headspace", errors);
                Forbidden(json.PouchInitialGasMl, path + ".pouchInitialGasMl", "headspace", errors);
                return Vessel.Headspace(Range(json.GasVolumeMl ?? throw errors.At(path + ".gasVolumeMl", "required for a headspace vessel"), 0.001, 1e6, path + ".gasVolumeMl", "mL", errors), wet);
            case "pouch-in-jar":
                Forbidden(json.GasVolumeMl, path + ".gasVolumeMl", "pouch-in-jar (use jarGasVolumeMl)", errors);
                return Vessel.PouchInJar(
                    Range(json.JarGasVolumeMl ?? throw errors.At(path + ".jarGasVolumeMl", "required for a pouch-in-jar vessel"), 0.001, 1e6, path + ".jarGasVolumeMl", "mL", errors),
                    Range(json.PouchInitialGasMl ?? 0, 0, 1e6, path + ".pouchInitialGasMl", "mL", errors),
                    wet);
            case null:
                throw errors.At(path + ".kind", "required property is missing");
            default:
                throw errors.At(path + ".kind", $"'{json.Kind}' is not a vessel kind: use headspace or pouch-in-jar");
        }
    }

    private static void CheckUnique(IReadOnlyList<string?> values, string property, ErrorSink errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value && !seen.TryAdd(value, i))
            {
                throw errors.At($"$.pouches[{i}].{property}", $"'{value}' is already used by $.pouches[{seen[value]}]");
            }
        }
    }

    private static string Required(string? value, string path, ErrorSink errors) =>
        string.IsNullOrWhiteSpace(value) ? throw errors.At(path, "required property is missing or empty") : value;

    private static void Forbidden(double? value, string path, string kind, ErrorSink errors)
    {
        if (value is not null)
        {
            throw errors.At(path, $"not a property of a {kind} vessel");
        }
    }

    private static double Range(double value, double min, double max, string path, string unit, ErrorSink errors) =>
        value >= min && value <= max
            ? value
            : throw errors.At(path, string.Create(CultureInfo.InvariantCulture, $"{value} {unit} is outside {min} – {max} {unit}").Replace("  ", " ", StringComparison.Ordinal));

    private sealed class ErrorSink(string source)
    {
        public ExperimentFileException At(string path, string reason) => new($"{source}: {path}: {reason}");
    }

    private sealed class ExperimentJson
    {
        public string? Experiment { get; set; }

        public StandardJson? Standard { get; set; }

        public double? EventSettleMinutes { get; set; }

        public LeakRuleJson? LeakRule { get; set; }

        public double? BaselineMinutes { get; set; }

        public string? EventGap { get; set; }

        public string? H2Method { get; set; }

        public double? GasTemperatureUncertaintyK { get; set; }

        public List<PouchJson?>? Pouches { get; set; }
    }

    private sealed class StandardJson
    {
        public double? TemperatureC { get; set; }

        public double? PressurePa { get; set; }
    }

    private sealed class LeakRuleJson
    {
        public double? WindowHours { get; set; }

        public double? NoiseMultiple { get; set; }

        public double? MinimumDropMlStd { get; set; }
    }

    private sealed class PouchJson
    {
        public string? Id { get; set; }

        public string? Sample { get; set; }

        public string? Group { get; set; }

        public double? SlurryMassG { get; set; }

        public double? ActiveMassG { get; set; }

        public string? BaselineAt { get; set; }

        public double? SensorMaxPa { get; set; }

        public double? BaselineMinutes { get; set; }

        public string? Blank { get; set; }

        public double? SiliconMassG { get; set; }

        public double? SiliconFraction { get; set; }

        public double? ExpectedGasMlPerG { get; set; }

        public SourceJson? Source { get; set; }

        public VesselJson? Vessel { get; set; }
    }

    private sealed class SourceJson
    {
        public string? Device { get; set; }

        public int? Sensor { get; set; }
    }

    private sealed class VesselJson
    {
        public string? Kind { get; set; }

        public double? GasVolumeMl { get; set; }

        public double? JarGasVolumeMl { get; set; }

        public double? PouchInitialGasMl { get; set; }

        public double? GasVolumeUncertaintyMl { get; set; }

        public double? JarGasVolumeUncertaintyMl { get; set; }

        public bool? Wet { get; set; }
    }
}
