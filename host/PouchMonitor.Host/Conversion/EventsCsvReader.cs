using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Conversion;

/// <summary>Reads events.csv (docs/file-formats.md). Events change every later number, so any bad row stops the conversion.</summary>
internal static class EventsCsvReader
{
    /// <summary>Events by pouch id.</summary>
    /// <exception cref="InputFileException">Missing or unreadable file, or a bad row (named by line and column).</exception>
    public static Dictionary<string, List<VesselEvent>> Read(string path, ISet<string> pouchIds)
    {
        var events = new Dictionary<string, List<VesselEvent>>(StringComparer.Ordinal);
        using var reader = CsvInput.Open(path);
        int time = CsvInput.RequiredColumn(reader, path, "time");
        int pouch = CsvInput.RequiredColumn(reader, path, "pouch");
        int kind = CsvInput.RequiredColumn(reader, path, "kind");
        int note = reader.TryGetFieldIndex("note", out int n) ? n : -1;
        while (reader.Read())
        {
            string where = $"{path}: line {reader.LineNumber}";
            if (reader.FieldCount > reader.Headers.Count)
            {
                throw new InputFileException(
                    $"{where}: {reader.FieldCount} fields but the header has {reader.Headers.Count}: put a note that holds a comma in double quotes (\"GC syringe, 0.5 mL\")");
            }

            var (at, id) = CsvInput.TimeAndPouch(reader, time, pouch, pouchIds, where);

            var eventKind = CsvInput.Text(reader, kind) switch
            {
                "sample" => VesselEventKind.Sample,
                "vent" => VesselEventKind.Vent,
                var other => throw new InputFileException($"{where}: kind: '{other}' is not an event kind: use sample or vent"),
            };
            string text = note >= 0 ? CsvInput.Text(reader, note) : string.Empty;
            Collections.GetOrAdd(events, id).Add(new VesselEvent(at, eventKind, text));
        }

        return events;
    }
}
