using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Export;
using PouchMonitor.Host.Reports;
using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Cli;

/// <summary>
/// `pouchmon calibrate`: a vessel's gas volume from a known volume injected with a syringe, fitted from the readings
/// before and after (docs/measurement-model.md, "Volume calibration").
/// </summary>
internal static class CalibrateCommand
{
    private const string Name = "pouchmon calibrate";

    public static Command Create()
    {
        var readings = new Option<string>("--readings") { Description = "readings.csv (time,pouch,pressure_pa,temperature_c, as convert reads it).", HelpName = "file" };
        var data = new Option<string>("--data") { Description = "Data folder of a host: take the pouch's readings and vessel from the store (with --experiment).", HelpName = "folder" };
        var experiment = new Option<string>("--experiment") { Description = "With --data: the experiment's name in the store.", HelpName = "name" };
        var pouch = new Option<string>("--pouch") { Description = "The pouch whose vessel got the injection.", Required = true, HelpName = "id" };
        var at = new Option<string>("--at") { Description = "When the gas went in, ISO 8601 with an offset (e.g. 2026-11-01T08:00:00Z).", Required = true, HelpName = "time" };
        var injected = new Option<double>("--injected-ml") { Description = "Volume injected, mL at the syringe's temperature and pressure.", Required = true, HelpName = "mL" };
        var injectedU = Number("--injected-u-ml", "Standard uncertainty of the injected volume, mL (e.g. a 5 mL gas-tight syringe: 0.025).", 0, "mL");
        var syringeC = Number("--syringe-temperature-c", "Temperature of the gas in the syringe, °C.", 25, "°C");
        var syringePa = Number("--syringe-pressure-pa", "Pressure of the gas in the syringe (the room's), Pa.", 101_325, "Pa");
        var window = Number("--window-minutes", "Readings fitted on each side of the injection, minutes.", 30, "min");
        var settle = Number("--settle-minutes", "Readings left out after the injection while the gas mixes and settles, minutes.", 5, "min");
        var dry = new Option<bool>("--dry") { Description = "With --readings: the vessel's gas holds no water vapour (a jar's gas, a dry sample); default wet." };
        var command = new Command("calibrate", "Fit a vessel's gas volume, with its uncertainty, from a known volume of gas injected with a syringe. Exit 0: fitted; 2: unusable input.")
        {
            readings, data, experiment, pouch, at, injected, injectedU, syringeC, syringePa, window, settle, dry,
        };
        command.SetAction(parse => Run(
            new CalibrationRequest(
                parse.GetValue(readings), parse.GetValue(data), parse.GetValue(experiment), parse.GetRequiredValue(pouch), parse.GetRequiredValue(at),
                parse.GetValue(injected), parse.GetValue(injectedU), parse.GetValue(syringeC), parse.GetValue(syringePa),
                parse.GetValue(window), parse.GetValue(settle), parse.GetValue(dry))));
        return command;
    }

    private static Option<double> Number(string name, string description, double defaultValue, string unit) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = unit };

    private static int Run(CalibrationRequest request)
    {
        if ((request.ReadingsPath is null) == (request.DataFolder is null) || (request.DataFolder is null) != (request.Experiment is null))
        {
            return Fail("give either --readings FILE [--dry] or --data FOLDER --experiment NAME");
        }

        if (request.DataFolder is not null && request.Dry)
        {
            return Fail("--dry goes with --readings; with --data the experiment's vessel says whether its gas is wet");
        }

        if (!IsoTime.TryParse(request.At, out var time))
        {
            return Fail($"--at: '{request.At}' is not an ISO 8601 time with an offset (e.g. 2026-11-01T08:00:00Z)");
        }

        if (!(request.WindowMinutes > 0) || request.WindowMinutes > 24 * 60 || !(request.SettleMinutes >= 0) || request.SettleMinutes > 24 * 60)
        {
            return Fail("--window-minutes must be a positive number and --settle-minutes zero or positive, each at most 1440 min");
        }

        try
        {
            var injection = new Injection(time, request.InjectedMl, request.SyringeTemperatureC, request.SyringePressurePa, request.InjectedUncertaintyMl);
            var (vessel, pouchReadings) = request.DataFolder is { } folder
                ? FromStore(folder, request.Experiment!, request.Pouch)
                : (null, FromFile(request.ReadingsPath!, request.Pouch));
            bool wet = vessel is null ? !request.Dry : vessel.Kind == VesselKind.Headspace && vessel.Wet;
            var fit = VolumeCalibration.Fit(
                pouchReadings, injection, wet, TimeSpan.FromMinutes(request.WindowMinutes), TimeSpan.FromMinutes(request.SettleMinutes),
                SensorAccuracy.Bme280.RelativePressurePa / Math.Sqrt(3));
            Print(request.Pouch, injection, fit, vessel, wet);
            return 0;
        }
        catch (ArgumentException e)
        {
            return Fail($"pouch {request.Pouch}: {FirstSentence(e.Message)}");
        }
        catch (Exception e) when (e is InputFileException or ExperimentFileException or SqliteException or IOException)
        {
            return Fail(e.Message);
        }
    }

    private static List<PressureReading> FromFile(string path, string pouch)
    {
        using var reader = new ReadingsCsvReader(path, new Dictionary<string, int>(StringComparer.Ordinal) { [pouch] = 0 });
        var readings = new List<PressureReading>();
        while (reader.TryRead(out var record, out var rejected))
        {
            if (rejected is null)
            {
                readings.Add(new PressureReading(new DateTimeOffset(record.UtcTicks, TimeSpan.Zero), record.PressurePa, record.TemperatureC));
            }
        }

        return readings.Count > 0 ? readings : throw new InputFileException($"{path}: no usable reading of pouch '{pouch}'");
    }

    private static (Vessel Vessel, List<PressureReading> Readings) FromStore(string folder, string experiment, string pouch)
    {
        var store = StoreFolder.Open(folder, experiment);
        var found = new StoreSource(store.Experiment, store.Data, store.Gas).Inputs.Experiment.FindPouch(pouch)
            ?? throw new InputFileException($"experiment '{experiment}' has no pouch '{pouch}'");
        if (found.Source is not { } source)
        {
            throw new InputFileException($"pouch '{pouch}' of experiment '{experiment}' has no sensor, so the store has no readings of it");
        }

        var readings = store.Readings.StreamForSensor(source.Device, source.Sensor)
            .Where(r => r is { Fault: null, PressurePa: not null, TemperatureC: not null })
            .Select(r => new PressureReading(r.Time, r.PressurePa!.Value, r.TemperatureC!.Value))
            .ToList();
        return (found.Spec.Vessel, readings);
    }

    private static void Print(string pouch, Injection injection, VolumeFit fit, Vessel? vessel, bool wet)
    {
        Console.WriteLine(Invariant($"pouch {pouch}: gas volume {UncertainText.Format(fit.GasVolumeMl, fit.UncertaintyMl)} mL (k = 1; the vessel's gas volume as built, not a volume at standard conditions)"));
        Console.WriteLine(Invariant(
            $"  from {injection.VolumeMl:0.###} mL injected at {injection.Time:u} (gas at {injection.TemperatureC:0.#} °C, {injection.PressurePa / 1000:0.###} kPa): step {fit.StepPa:F1} Pa at {fit.TemperatureC:F2} °C, {fit.BeforeCount} readings before, {fit.AfterCount} after, {(wet ? "wet" : "dry")} gas"));
        if (vessel is { Kind: VesselKind.PouchInJar } jar)
        {
            double jarMl = fit.JarGasVolumeMl(jar.PouchInitialGasMl, jar.Wet);
            Console.WriteLine(Invariant($"  jar gas outside the pouch ({jar.PouchInitialGasMl:0.###} mL): {UncertainText.Format(jarMl, fit.UncertaintyMl)} mL (experiment.json: jarGasVolumeMl {jarMl:0.###}, jarGasVolumeUncertaintyMl {fit.UncertaintyMl:0.###}; now {jar.GasVolumeMl:0.###})"));
        }
        else
        {
            Console.WriteLine(Invariant($"  experiment.json: gasVolumeMl {fit.GasVolumeMl:0.###}, gasVolumeUncertaintyMl {fit.UncertaintyMl:0.###}{(vessel is null ? "" : Invariant($" (now {vessel.GasVolumeMl:0.###})"))}"));
        }
    }

    private static string FirstSentence(string message) => message.Split(" (Parameter", 2)[0];

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"{Name}: {message}");
        return PouchmonCommand.UsageError;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record CalibrationRequest(
        string? ReadingsPath, string? DataFolder, string? Experiment, string Pouch, string At, double InjectedMl, double InjectedUncertaintyMl,
        double SyringeTemperatureC, double SyringePressurePa, double WindowMinutes, double SettleMinutes, bool Dry);
}
