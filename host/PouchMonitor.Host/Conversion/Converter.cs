using System.Globalization;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Conversion;

/// <summary>
/// `pouchmon convert`: recorded readings to gas curves with the live host's calculator
/// (docs/file-formats.md). Memory stays bounded: readings are sorted on disk and one pouch is
/// computed at a time.
/// </summary>
public static class Converter
{
    /// <summary>Runs a conversion.</summary>
    /// <param name="request">The files.</param>
    /// <param name="progress">Receives the fraction of readings.csv read, 0–1.</param>
    /// <param name="sortRunLength">Readings sorted in memory at once; smaller spills to disk sooner.</param>
    /// <exception cref="ExperimentFileException">The experiment file is unusable.</exception>
    /// <exception cref="InputFileException">An input is missing, unreadable or unusable, or the output cannot be written.</exception>
    public static ConversionSummary Run(ConversionRequest request, IProgress<double>? progress = null, int sortRunLength = 1 << 19)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = Load(request.ExperimentPath, request.EventsPath, request.GcPath);
        string partial = request.OutPath + ".partial";
        ConversionSummary summary;
        try
        {
            using var output = new GasCsvWriter(partial, inputs.OtherGases, inputs.Blanks().Any, inputs.Pouches.Any(p => p.SiliconMassG is not null));
            summary = Stream(inputs, request.ReadingsPath, request.RejectsPath, output, progress, sortRunLength);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        File.Move(partial, request.OutPath, overwrite: true);
        var standard = inputs.Experiment.Settings.Standard;
        List<string> warnings = [.. inputs.Pouches.Select(p => SetUpRange.Warning(p, standard)).OfType<string>()];
        if (request.EventsPath is { } eventsPath)
        {
            warnings.AddRange(EventsOutsideReadings(inputs, summary, eventsPath));
        }

        return summary with { Warnings = warnings };
    }

    /// <summary>Reads the experiment, events and GC files.</summary>
    /// <exception cref="ExperimentFileException">The experiment file is unusable.</exception>
    /// <exception cref="InputFileException">The events or GC file is missing, unreadable or has a bad row.</exception>
    internal static ExperimentInputs Load(string experimentPath, string? eventsPath, string? gcPath)
    {
        var experiment = ExperimentFile.Load(experimentPath);
        var blankIds = experiment.Pouches.Select(p => p.Spec.BlankId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var pouches = experiment.Pouches.Select(p => p.Spec)
            .OrderBy(p => blankIds.Contains(p.Id) ? 0 : 1).ThenBy(p => p.Id, StringComparer.Ordinal).ToArray(); // blanks first
        var ids = pouches.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var events = eventsPath is null ? [] : EventsCsvReader.Read(eventsPath, ids);
        var (gc, otherGases) = gcPath is null ? ([], []) : GcCsvReader.Read(gcPath, ids);
        return new ExperimentInputs(experiment, pouches, events, gc, otherGases);
    }

    /// <summary>Reads readings.csv and gives the gas points of every pouch to <paramref name="output"/>, pouch by pouch.</summary>
    /// <exception cref="InputFileException">readings.csv is missing or unreadable, or rejects.csv cannot be written.</exception>
    internal static ConversionSummary Stream(
        ExperimentInputs inputs, string readingsPath, string? rejectsPath, IGasPointSink output, IProgress<double>? progress = null, int sortRunLength = 1 << 19)
    {
        var calculators = inputs.Pouches.Select(inputs.Calculator).ToArray();
        using var readings = new ReadingsCsvReader(readingsPath, inputs.Pouches.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal));
        using var sorter = new ExternalReadingSorter(sortRunLength);
        using var rejects = new RejectsCsvWriter(rejectsPath);
        long rowsRead = ReadAll(readings, sorter, rejects, progress);
        var spans = new Dictionary<string, (DateTimeOffset First, DateTimeOffset Last)>(StringComparer.Ordinal);
        var (written, duplicates) = Compute(sorter.Sorted(), calculators, new BlankedSink(inputs.Blanks(), output), rejects, spans);
        return new ConversionSummary(rowsRead, written, rejects.Count, duplicates) { ReadingSpans = spans };
    }

    // An event before a pouch's first reading or after its last cannot be seen in the curve: probably a wrong date or pouch.
    private static List<string> EventsOutsideReadings(ExperimentInputs inputs, ConversionSummary summary, string eventsPath) =>
        [.. from pouch in inputs.Pouches
            from e in inputs.EventsOf(pouch.Id)
            let span = summary.ReadingSpans.TryGetValue(pouch.Id, out var s) ? s : ((DateTimeOffset First, DateTimeOffset Last)?)null
            where span is null || e.Time < span.Value.First || e.Time > span.Value.Last
            select span is { } inside
                ? $"{eventsPath}: pouch {pouch.Id}: {KindName(e.Kind)} at {IsoTime.Format(e.Time)} is outside its readings ({IsoTime.Format(inside.First)} – {IsoTime.Format(inside.Last)})"
                : $"{eventsPath}: pouch {pouch.Id}: {KindName(e.Kind)} at {IsoTime.Format(e.Time)}, but the pouch has no accepted readings"];

    private static string KindName(VesselEventKind kind) => kind == VesselEventKind.Vent ? "vent" : "sample";

    private static long ReadAll(ReadingsCsvReader readings, ExternalReadingSorter sorter, RejectsCsvWriter rejects, IProgress<double>? progress)
    {
        long length = Math.Max(1, new FileInfo(readings.Path).Length);
        long rows = 0;
        while (readings.TryRead(out var record, out var rejected))
        {
            rows++;
            if (rejected is not null)
            {
                rejects.Write(rejected);
            }
            else
            {
                sorter.Add(record);
            }

            if ((rows & 0xFFFF) == 0)
            {
                progress?.Report((double)readings.BytesRead / length);
            }
        }

        progress?.Report(1);
        return rows;
    }

    private static (long Written, long Duplicates) Compute(
        IEnumerable<ReadingRecord> sorted,
        PouchGasCalculator[] calculators,
        IGasPointSink output,
        RejectsCsvWriter rejects,
        Dictionary<string, (DateTimeOffset First, DateTimeOffset Last)> spans)
    {
        var points = new List<GasPoint>();
        long written = 0, duplicates = 0;
        ReadingRecord? kept = null;
        long firstTicks = 0;
        foreach (var record in sorted)
        {
            if (kept is { } first && first.PouchIndex == record.PouchIndex && first.UtcTicks == record.UtcTicks)
            {
                if (first.PressurePa == record.PressurePa && first.TemperatureC == record.TemperatureC)
                {
                    duplicates++;
                }
                else
                {
                    rejects.Write(new RejectedRow(record.Line, Conflict(first, record, calculators[record.PouchIndex].Pouch.Id)));
                }

                continue;
            }

            if (kept is { } previous && previous.PouchIndex != record.PouchIndex)
            {
                written += Flush(calculators[previous.PouchIndex], points, output, complete: true);
                spans[calculators[previous.PouchIndex].Pouch.Id] = (Utc(firstTicks), Utc(previous.UtcTicks));
            }

            if (kept is null || kept.Value.PouchIndex != record.PouchIndex)
            {
                firstTicks = record.UtcTicks;
            }

            kept = record;
            var calculator = calculators[record.PouchIndex];
            calculator.Add(new PressureReading(Utc(record.UtcTicks), record.PressurePa, record.TemperatureC), points);
            written += Flush(calculator, points, output, complete: false);
        }

        if (kept is { } last)
        {
            written += Flush(calculators[last.PouchIndex], points, output, complete: true);
            spans[calculators[last.PouchIndex].Pouch.Id] = (Utc(firstTicks), Utc(last.UtcTicks));
        }

        return (written, duplicates);
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    private static int Flush(PouchGasCalculator calculator, List<GasPoint> points, IGasPointSink output, bool complete)
    {
        if (complete)
        {
            calculator.Complete(points);
        }

        foreach (var point in points)
        {
            output.Write(calculator.Pouch, point);
        }

        if (complete)
        {
            output.EndPouch(calculator.Pouch);
        }

        int count = points.Count;
        points.Clear();
        return count;
    }

    private static string Conflict(ReadingRecord first, ReadingRecord repeat, string pouchId) => string.Create(
        CultureInfo.InvariantCulture,
        $"conflicting duplicate: line {first.Line} has pouch {pouchId} at {new DateTimeOffset(first.UtcTicks, TimeSpan.Zero):O} with pressure_pa {first.PressurePa}, temperature_c {first.TemperatureC}; this row has {repeat.PressurePa}, {repeat.TemperatureC}");
}
