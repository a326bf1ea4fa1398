using System.Globalization;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Conversion;

/// <summary>Reads gc.csv (docs/file-formats.md): h2_percent required, other *_percent columns carried along.</summary>
internal static class GcCsvReader
{
    /// <summary>The GC results by pouch id, and the other gas columns in file order.</summary>
    /// <exception cref="InputFileException">Missing or unreadable file, or a bad row (named by line and column).</exception>
    public static (Dictionary<string, List<GcResult>> Results, IReadOnlyList<string> OtherGases) Read(string path, ISet<string> pouchIds)
    {
        var (rows, otherGases) = Rows(path, pouchIds);
        var results = new Dictionary<string, List<GcResult>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Error is { } error)
            {
                throw new InputFileException($"{path}: line {row.Line}: {error}");
            }

            Collections.GetOrAdd(results, row.Pouch!).Add(row.Result!);
        }

        return (results, otherGases);
    }

    /// <summary>
    /// Every data row of the file, each parsed or with the reason it is unusable (the same rules as <see cref="Read"/>),
    /// and the other gas columns in file order.
    /// </summary>
    /// <exception cref="InputFileException">Missing or unreadable file, or a required column missing.</exception>
    public static (IReadOnlyList<GcCsvRow> Rows, IReadOnlyList<string> OtherGases) Rows(string path, ISet<string> pouchIds)
    {
        var rows = new List<GcCsvRow>();
        var seen = new HashSet<(string, DateTimeOffset)>();
        using var reader = CsvInput.Open(path);
        int time = CsvInput.RequiredColumn(reader, path, "time");
        int pouch = CsvInput.RequiredColumn(reader, path, "pouch");
        int h2 = CsvInput.RequiredColumn(reader, path, "h2_percent");
        var others = reader.Headers
            .Select((name, index) => (name, index))
            .Where(c => c.name.EndsWith("_percent", StringComparison.Ordinal) && c.index != h2)
            .ToList();
        while (reader.Read())
        {
            long line = reader.LineNumber;
            try
            {
                var (at, id) = CsvInput.TimeAndPouch(reader, time, pouch, pouchIds, "");
                if (!seen.Add((id, at)))
                {
                    throw new InputFileException($"pouch {id} already has a GC result at {IsoTime.Format(at)}");
                }

                double h2Percent = Percent(CsvInput.Span(reader, h2), "h2_percent") ?? throw new InputFileException("h2_percent: missing");
                var otherPercents = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var (name, index) in others)
                {
                    if (Percent(CsvInput.Span(reader, index), name) is { } percent)
                    {
                        otherPercents[name] = percent;
                    }
                }

                CheckTotal(h2Percent, otherPercents);
                rows.Add(new GcCsvRow(line, id, new GcResult(at, h2Percent, otherPercents), null));
            }
            catch (InputFileException e)
            {
                rows.Add(new GcCsvRow(line, null, null, e.Message.TrimStart(':', ' ')));
            }
        }

        return (rows, others.Select(c => c.name).ToList());
    }

    // Rounded GC percents may add up to a little over 100; more than this is a wrong column or unit.
    private const double TotalToleranceP = 0.5;

    private static void CheckTotal(double h2Percent, Dictionary<string, double> otherPercents)
    {
        double total = h2Percent + otherPercents.Values.Sum();
        if (total > 100 + TotalToleranceP)
        {
            throw new InputFileException(string.Create(
                CultureInfo.InvariantCulture, $"h2_percent and the other *_percent columns add up to {total:0.###} %, more than 100 %"));
        }

        // 0.72 for 72 %: every value at most 1 is a row of fractions, not of percents.
        if (h2Percent is > 0 and <= 1 && otherPercents.Values.All(p => p <= 1))
        {
            throw new InputFileException(string.Create(
                CultureInfo.InvariantCulture, $"h2_percent: {h2Percent} looks like a fraction; gc.csv takes percent (write {h2Percent * 100:0.###} for {h2Percent * 100:0.###} %)"));
        }
    }

    private static double? Percent(ReadOnlySpan<byte> utf8, string column)
    {
        if (utf8.IsEmpty)
        {
            return null;
        }

        if (!CsvInput.TryNumber(utf8, column, out double value, out string? error))
        {
            throw new InputFileException(error!);
        }

        return value is >= 0 and <= 100 ? value : throw new InputFileException($"{column}: {CsvInput.Shown(utf8)} is outside 0 – 100 %");
    }
}
