using System.IO.Compression;
using System.Text;
using CsvHelper;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Export;

/// <summary>
/// An experiment of the store as one zip in the formats of `pouchmon convert` (docs/file-formats.md, "Export"): the CLI's
/// `pouchmon export` and the app's download write the same bytes. Readings and gas points are streamed from the store
/// into the zip row by row, so memory does not grow with the experiment.
/// </summary>
public sealed class ExperimentExport(ExperimentDataStore data, ReadingStore readings, GasStore gas, AlertStore alerts)
{
    /// <summary>The zip's files, in the order they are written.</summary>
    public const string ExperimentJson = "experiment.json", ReadingsCsv = "readings.csv", EventsCsv = "events.csv", GcCsv = "gc.csv",
        GasCsv = "gas.csv", AlertsCsv = "alerts.csv";

    private const string Number = "G";
    private static readonly CsvWriterOptions CsvOptions = new() { NewLine = "\n" };

    /// <summary>Writes the zip of <paramref name="stored"/> to <paramref name="output"/> (left open; need not seek).</summary>
    /// <exception cref="Experiments.ExperimentFileException">The stored document is unusable.</exception>
    public void Write(StoredExperiment stored, Stream output)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var source = new StoreSource(stored, data, gas);
        var inputs = source.Inputs;
        // Entries carry the experiment's last change, not the clock, so two exports of the same state are the same bytes.
        var entryTime = stored.UpdatedAt;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, ExperimentJson, entryTime, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(false));
            text.Write(source.Document);
        });
        Csv(zip, ReadingsCsv, entryTime, ["time", "pouch", "pressure_pa", "temperature_c", "device", "sensor", "boot", "seq"], csv =>
        {
            foreach (var pouch in inputs.Experiment.Pouches.Where(p => p.Source is not null).OrderBy(p => p.Spec.Id, StringComparer.Ordinal))
            {
                WriteReadings(csv, pouch.Spec.Id, readings.StreamForSensor(pouch.Source!.Device, pouch.Source.Sensor));
            }
        });
        Csv(zip, EventsCsv, entryTime, ["time", "pouch", "kind", "note"], csv =>
        {
            foreach (var pouch in inputs.Pouches)
            {
                foreach (var e in data.StoredEvents(new PouchKey(stored.Name, pouch.Id)))
                {
                    Fields(csv, IsoTime.Format(e.Time), pouch.Id, e.Kind, e.Note);
                    csv.EndRecord();
                }
            }
        });
        Csv(zip, GcCsv, entryTime, ["time", "pouch", "h2_percent", .. inputs.OtherGases], csv =>
        {
            foreach (var pouch in inputs.Pouches)
            {
                foreach (var result in inputs.GcOf(pouch.Id))
                {
                    Fields(csv, IsoTime.Format(result.Time), pouch.Id);
                    csv.WriteField(result.H2Percent, Number);
                    foreach (var gasName in inputs.OtherGases)
                    {
                        csv.WriteField(result.OtherPercents.TryGetValue(gasName, out var percent) ? percent : (double?)null, Number);
                    }

                    csv.EndRecord();
                }
            }
        });
        Entry(zip, GasCsv, entryTime, stream =>
        {
            using var gasCsv = new GasCsvWriter(stream, inputs.OtherGases);
            source.ReadSeries(gasCsv, null);
        });
        Csv(zip, AlertsCsv, entryTime, ["pouch", "kind", "opened_at", "closed_at", "acknowledged_at", "value", "message"], csv =>
        {
            foreach (var alert in alerts.All(stored.Name).OrderBy(a => a.OpenedAt).ThenBy(a => a.Id))
            {
                Fields(csv, alert.Pouch, AlertKinds.Name(alert.Kind), IsoTime.Format(alert.OpenedAt), Time(alert.ClosedAt), Time(alert.AcknowledgedAt));
                csv.WriteField(alert.Value, Number);
                csv.WriteField(alert.Message);
                csv.EndRecord();
            }
        });
    }

    // A faulted reading has no pressure or temperature: convert would reject it, and the live pipeline skips it.
    private static void WriteReadings(CsvWriter csv, string pouchId, IEnumerable<StoredReading> sensorReadings)
    {
        foreach (var r in sensorReadings.Where(r => r is { Fault: null, PressurePa: not null, TemperatureC: not null }))
        {
            Fields(csv, IsoTime.Format(r.Time), pouchId);
            csv.WriteField(r.PressurePa, Number);
            csv.WriteField(r.TemperatureC, Number);
            csv.WriteField(r.DeviceId);
            csv.WriteField(r.SensorIndex, "D");
            csv.WriteField(r.Boot, "D");
            csv.WriteField(r.Sequence, "D");
            csv.EndRecord();
        }
    }

    private static void Fields(CsvWriter csv, params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }
    }

    private static string Time(DateTimeOffset? time) => time is { } t ? IsoTime.Format(t) : "";

    private static void Csv(ZipArchive zip, string name, DateTimeOffset entryTime, string[] header, Action<CsvWriter> rows) =>
        Entry(zip, name, entryTime, stream =>
        {
            using var csv = CsvWriter.Create(stream, CsvOptions, leaveOpen: true);
            csv.WriteHeader(header);
            rows(csv);
        });

    private static void Entry(ZipArchive zip, string name, DateTimeOffset entryTime, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = entryTime;
        using var stream = entry.Open();
        write(stream);
    }
}
