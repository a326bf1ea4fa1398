using System.Globalization;

namespace PouchMonitor.Host.Tests.Conversion;

/// <summary>A gas.csv (or expected.csv) read back as rows of named text fields.</summary>
internal sealed class GasCsv
{
    private GasCsv(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public static GasCsv Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        return new GasCsv(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    public string Field(int row, string column) => Rows[row][Array.IndexOf(Header, column)];

    public double? Number(int row, string column) =>
        Field(row, column) is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;
}
