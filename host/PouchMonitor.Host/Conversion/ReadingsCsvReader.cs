using System.Globalization;
using System.Text;
using CsvHelper;
using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Conversion;

/// <summary>Reads readings.csv row by row: columns by name, every row accepted or rejected with its reason.</summary>
internal sealed class ReadingsCsvReader : IDisposable
{
    /// <summary>Accepted pressures, Pa (docs/file-formats.md).</summary>
    public const double MinPressurePa = 1_000, MaxPressurePa = 1_000_000;

    /// <summary>Accepted temperatures, °C (docs/file-formats.md).</summary>
    public const double MinTemperatureC = -40, MaxTemperatureC = 150;

    private readonly CsvReader _reader;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _pouches;
    private readonly int _time, _pouch, _pressure, _temperature;
    private readonly char[] _timeChars = new char[64];
    private readonly char[] _pouchChars = new char[256];

    /// <summary>Opens the file and finds its columns.</summary>
    /// <param name="path">readings.csv.</param>
    /// <param name="pouchIndexes">Pouch id → index, for the pouches of the experiment.</param>
    /// <exception cref="InputFileException">Missing, unreadable, or a required column is missing.</exception>
    public ReadingsCsvReader(string path, Dictionary<string, int> pouchIndexes)
    {
        _reader = CsvInput.Open(path);
        _pouches = pouchIndexes.GetAlternateLookup<ReadOnlySpan<char>>();
        _time = CsvInput.RequiredColumn(_reader, path, "time");
        _pouch = CsvInput.RequiredColumn(_reader, path, "pouch");
        _pressure = CsvInput.RequiredColumn(_reader, path, "pressure_pa");
        _temperature = CsvInput.RequiredColumn(_reader, path, "temperature_c");
        Path = path;
    }

    public string Path { get; }

    /// <summary>Bytes of the file read so far, for progress.</summary>
    public long BytesRead => _reader.ByteOffset;

    /// <summary>Reads the next row; false at the end. A row is either a record or a rejection.</summary>
    public bool TryRead(out ReadingRecord record, out RejectedRow? rejected)
    {
        record = default;
        rejected = null;
        if (!_reader.Read())
        {
            return false;
        }

        long line = _reader.LineNumber;
        string? error = Parse(line, out record);
        if (error is not null)
        {
            rejected = new RejectedRow(line, error);
        }

        return true;
    }

    public void Dispose() => _reader.Dispose();

    private string? Parse(long line, out ReadingRecord record)
    {
        record = default;
        if (!TryDecode(_time, _timeChars, out var timeText))
        {
            return "time: missing or too long";
        }

        if (!IsoTime.TryParse(timeText, out var time))
        {
            return $"time: '{timeText}' is not an ISO 8601 time with an offset (e.g. 2026-11-01T08:00:00Z)";
        }

        if (!TryDecode(_pouch, _pouchChars, out var pouchText))
        {
            return "pouch: missing or too long";
        }

        if (!_pouches.TryGetValue(pouchText, out int pouchIndex))
        {
            return $"pouch: '{pouchText}' is not in the experiment";
        }

        if (!CsvInput.TryNumber(CsvInput.Span(_reader, _pressure), "pressure_pa", out double pressurePa, out string? error)
            || !CsvInput.TryNumber(CsvInput.Span(_reader, _temperature), "temperature_c", out double temperatureC, out error))
        {
            return error;
        }

        if (pressurePa is < MinPressurePa or > MaxPressurePa)
        {
            return Invariant($"pressure_pa: {pressurePa} Pa is outside 1 kPa – 1 MPa");
        }

        if (temperatureC is < MinTemperatureC or > MaxTemperatureC)
        {
            return Invariant($"temperature_c: {temperatureC} °C is outside −40 – 150 °C");
        }

        record = new ReadingRecord(pouchIndex, time.UtcTicks, pressurePa, temperatureC, line);
        return null;
    }

    private bool TryDecode(int index, char[] buffer, out ReadOnlySpan<char> text)
    {
        var utf8 = CsvInput.Span(_reader, index);
        if (utf8.IsEmpty || utf8.Length > buffer.Length)
        {
            text = default;
            return false;
        }

        int count = Encoding.UTF8.GetChars(utf8, buffer);
        text = buffer.AsSpan(0, count);
        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
