using System.Globalization;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Time;
using PouchMonitor.Simulator;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// The undisturbed run: every reading the boards sent, once each, converted by <c>pouchmon convert</c>'s code with the
/// experiment file the host ran.
/// </summary>
internal static class ReferenceGas
{
    /// <summary>Each pouch's gas curve: time (Unix ms) to dry gas in mL at standard conditions (null where there is none).</summary>
    public static Dictionary<string, Dictionary<long, double?>> Convert(string dataFolder, Rig rig, IEnumerable<KeyValuePair<ReadingKey, Contracts.Reading>> sent)
    {
        var work = Directory.CreateTempSubdirectory("pouchmon-reference-").FullName;
        try
        {
            var pouchOf = rig.Pouches.ToDictionary(p => (p.Spec.DeviceId, p.Spec.SensorIndex), p => p.Spec.Id);
            var readingsPath = Path.Combine(work, "readings.csv");
            File.WriteAllLines(readingsPath, sent
                .Where(s => s.Value.Fault is null && s.Value.Time is not null)
                .Select(s => string.Create(CultureInfo.InvariantCulture,
                    $"{IsoTime.Format(s.Value.Time!.Value)},{pouchOf[(s.Key.Device, s.Value.SensorIndex)]},{s.Value.PressurePa:R},{s.Value.TemperatureC:R}"))
                .Prepend("time,pouch,pressure_pa,temperature_c"));
            var gasPath = Path.Combine(work, "gas.csv");
            Converter.Run(new ConversionRequest(Path.Combine(dataFolder, FaultRig.Experiment + ".json"), readingsPath, null, null, gasPath, null));
            return Read(gasPath);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Dictionary<string, Dictionary<long, double?>> Read(string gasPath)
    {
        var lines = File.ReadAllLines(gasPath);
        var header = lines[0].Split(',');
        int time = Array.IndexOf(header, "time"), pouch = Array.IndexOf(header, "pouch"), gas = Array.IndexOf(header, "dry_gas_ml_std");
        var curves = new Dictionary<string, Dictionary<long, double?>>();
        foreach (var fields in lines.Skip(1).Select(l => l.Split(',')))
        {
            if (!curves.TryGetValue(fields[pouch], out var curve))
            {
                curves[fields[pouch]] = curve = [];
            }

            if (!IsoTime.TryParse(fields[time], out var at))
            {
                throw new FormatException($"gas.csv time '{fields[time]}'");
            }

            curve[at.ToUnixTimeMilliseconds()] = fields[gas].Length == 0 ? null : double.Parse(fields[gas], CultureInfo.InvariantCulture);
        }

        return curves;
    }
}
