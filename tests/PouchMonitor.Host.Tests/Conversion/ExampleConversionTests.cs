using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Tests.Conversion;

/// <summary>The examples of shared/examples/convert: convert must reproduce expected.csv to 2e-4 mL plus 2e-5 relative.</summary>
public class ExampleConversionTests
{
    [Theory]
    [InlineData("example-headspace")]
    [InlineData("example-pouch-in-jar")]
    public void Run_Example_ReproducesExpected(string example)
    {
        using var workspace = new Workspace();
        var request = Request(example, workspace.Path("gas.csv"));

        var summary = Converter.Run(request);

        var expected = GasCsv.Load(Workspace.Example(example, "expected.csv"));
        var actual = GasCsv.Load(request.OutPath);
        Assert.Equal(0, summary.Rejected);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (int row = 0; row < expected.Rows.Count; row++)
        {
            foreach (string column in expected.Header)
            {
                AssertSame(expected, actual, row, column);
            }
        }
    }

    [Fact]
    public void Run_Example_WritesTheContractColumnsInOrder()
    {
        using var workspace = new Workspace();
        var request = Request("example-headspace", workspace.Path("gas.csv"));

        Converter.Run(request);

        var header = GasCsv.Load(request.OutPath).Header;
        Assert.Equal(GasCsvWriter.ContractColumns, header.Take(GasCsvWriter.ContractColumns.Length));
    }

    [Fact]
    public void Run_SmallSortRuns_GiveTheSameFileAsInMemory()
    {
        using var workspace = new Workspace();
        var inMemory = Request("example-headspace", workspace.Path("memory.csv"));
        var spilled = inMemory with { OutPath = workspace.Path("spilled.csv") };

        Converter.Run(inMemory);
        Converter.Run(spilled, sortRunLength: 7);

        Assert.Equal(File.ReadAllText(inMemory.OutPath), File.ReadAllText(spilled.OutPath));
    }

    internal static ConversionRequest Request(string example, string outPath) => new(
        Workspace.Example(example, "experiment.json"),
        Workspace.Example(example, "readings.csv"),
        Workspace.Example(example, "events.csv"),
        Workspace.Example(example, "gc.csv"),
        outPath,
        null);

    private static void AssertSame(GasCsv expected, GasCsv actual, int row, string column)
    {
        string where = $"row {row + 2}, {column}";
        if (column is "time" or "pouch" or "h2_basis")
        {
            Assert.True(expected.Field(row, column) == actual.Field(row, column), $"{where}: {expected.Field(row, column)} != {actual.Field(row, column)}");
            return;
        }

        double? want = expected.Number(row, column);
        double? got = actual.Number(row, column);
        Assert.True(want.HasValue == got.HasValue, $"{where}: expected {want}, got {got}");
        if (want is { } w && got is { } g)
        {
            Assert.True(Math.Abs(w - g) <= 2e-4 + (2e-5 * Math.Abs(w)), $"{where}: expected {w}, got {g}");
        }
    }
}
