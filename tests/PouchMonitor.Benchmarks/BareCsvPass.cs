using System.Globalization;
using CsvHelper;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// The baseline: read readings.csv with the same CSV library, parse each field to its type, and write the
/// rows back. Any converter does at least this much.
/// </summary>
internal static class BareCsvPass
{
    public static long Run(string readingsPath, string outPath)
    {
        using var reader = CsvReader.FromFile(readingsPath, new CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        using var writer = CsvWriter.ToFile(outPath, new CsvWriterOptions { NewLine = "\n" }, FileOptions.SequentialScan);
        reader.ReadHeader();
        writer.WriteHeader(["time", "pouch", "pressure_pa", "temperature_c"]);
        long rows = 0;
        Span<char> time = stackalloc char[64];
        while (reader.Read())
        {
            int length = reader.GetChars(0, time);
            var at = DateTimeOffset.Parse(time[..length], CultureInfo.InvariantCulture);
            writer.WriteField(at.UtcDateTime, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'");
            writer.WriteField(reader.GetString(1));
            writer.WriteField(double.Parse(reader.GetSpan(2), CultureInfo.InvariantCulture), "G");
            writer.WriteField(double.Parse(reader.GetSpan(3), CultureInfo.InvariantCulture), "G");
            writer.EndRecord();
            rows++;
        }

        return rows;
    }
}
