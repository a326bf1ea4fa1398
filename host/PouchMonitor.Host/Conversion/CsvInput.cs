using System.Globalization;
using System.Text;
using CsvHelper;
using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Conversion;

/// <summary>Opening input CSV files and reading their fields, with errors that name the file, line and column.</summary>
internal static class CsvInput
{
    private const int MaxShownChars = 40;

    /// <summary>Opens a CSV file with a header row.</summary>
    /// <exception cref="InputFileException">The file is missing or unreadable.</exception>
    public static CsvReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException($"{path}: file not found");
        }

        try
        {
            var options = new CsvReaderOptions
            {
                HasHeader = true,
                TrackLineNumbers = true,
                MissingField = CsvMissingFieldHandling.ReturnEmpty,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
                MalformedData = CsvMalformedDataHandling.Recover,
                TrimWhitespace = true,
                SkipEmptyLines = true,
            };
            var reader = CsvReader.FromFile(path, options, FileOptions.SequentialScan);
            reader.ReadHeader();
            return reader;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            throw new InputFileException($"{path}: cannot read: {e.Message}", e);
        }
    }

    /// <summary>The index of a column the file must have.</summary>
    /// <exception cref="InputFileException">The header lacks it.</exception>
    public static int RequiredColumn(CsvReader reader, string path, string name) =>
        reader.TryGetFieldIndex(name, out int index)
            ? index
            : throw new InputFileException($"{path}: the header lacks the column '{name}' (it has: {string.Join(',', reader.Headers)})");

    /// <summary>A field's UTF-8 bytes, or nothing when the row is short.</summary>
    public static ReadOnlySpan<byte> Span(CsvReader reader, int index) => index < reader.FieldCount ? reader.GetSpan(index) : [];

    /// <summary>A field's text, or an empty string when the row is short.</summary>
    public static string Text(CsvReader reader, int index) => index < reader.FieldCount ? reader.GetString(index) : string.Empty;

    /// <summary>Parses a finite number; else says why, naming the column.</summary>
    public static bool TryNumber(ReadOnlySpan<byte> utf8, string column, out double value, out string? error)
    {
        if (utf8.IsEmpty)
        {
            (value, error) = (double.NaN, $"{column}: missing");
            return false;
        }

        if (!double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = $"{column}: '{Shown(utf8)}' is not a number";
            return false;
        }

        error = double.IsFinite(value) ? null : $"{column}: {Shown(utf8)} is not a finite number";
        return error is null;
    }

    /// <summary>The time and pouch columns of a row of events.csv or gc.csv, which must both be good.</summary>
    /// <exception cref="InputFileException">The time has no offset or the pouch is not in the experiment.</exception>
    public static (DateTimeOffset Time, string PouchId) TimeAndPouch(CsvReader reader, int time, int pouch, ISet<string> pouchIds, string where)
    {
        string timeText = Text(reader, time);
        if (!IsoTime.TryParse(timeText, out var at))
        {
            throw new InputFileException($"{where}: time: '{timeText}' is not an ISO 8601 time with an offset");
        }

        string id = Text(reader, pouch);
        return pouchIds.Contains(id) ? (at, id) : throw new InputFileException($"{where}: pouch: '{id}' is not in the experiment");
    }

    /// <summary>A field as shown in an error: decoded and cut short.</summary>
    public static string Shown(ReadOnlySpan<byte> utf8)
    {
        string text = Encoding.UTF8.GetString(utf8);
        return text.Length <= MaxShownChars ? text : text[..MaxShownChars] + "…";
    }
}
