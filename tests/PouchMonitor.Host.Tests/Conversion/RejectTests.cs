using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Tests.Conversion;

public class RejectTests
{
    private const string Experiment = """
        { "experiment": "t", "pouches": [
          { "id": "P1", "sample": "mSi", "slurryMassG": 1.1, "vessel": { "kind": "headspace", "gasVolumeMl": 40 } } ] }
        """;

    private const string Good = "2026-11-01T08:00:00Z,P1,101000,50";

    [Theory]
    [InlineData(",P1,101000,50", "time: missing")]
    [InlineData("yesterday,P1,101000,50", "time: 'yesterday' is not an ISO 8601 time")]
    [InlineData("2026-11-01T09:00:00,P1,101000,50", "is not an ISO 8601 time with an offset")]
    [InlineData("2026-11-01T09:00:00Z,,101000,50", "pouch: missing")]
    [InlineData("2026-11-01T09:00:00Z,P9,101000,50", "pouch: 'P9' is not in the experiment")]
    [InlineData("2026-11-01T09:00:00Z,P1,,50", "pressure_pa: missing")]
    [InlineData("2026-11-01T09:00:00Z,P1,abc,50", "pressure_pa: 'abc' is not a number")]
    [InlineData("2026-11-01T09:00:00Z,P1,NaN,50", "pressure_pa: NaN is not a finite number")]
    [InlineData("2026-11-01T09:00:00Z,P1,Infinity,50", "pressure_pa: Infinity is not a finite number")]
    [InlineData("2026-11-01T09:00:00Z,P1,999,50", "pressure_pa: 999 Pa is outside 1 kPa – 1 MPa")]
    [InlineData("2026-11-01T09:00:00Z,P1,1000001,50", "pressure_pa: 1000001 Pa is outside 1 kPa – 1 MPa")]
    [InlineData("2026-11-01T09:00:00Z,P1,101000", "temperature_c: missing")]
    [InlineData("2026-11-01T09:00:00Z,P1,101000,-41", "temperature_c: -41 °C is outside −40 – 150 °C")]
    [InlineData("2026-11-01T09:00:00Z,P1,101000,151", "temperature_c: 151 °C is outside −40 – 150 °C")]
    [InlineData("2026-11-01T08:00:00Z,P1,101001,50", "conflicting duplicate: line 2 has pouch P1")]
    public void Run_BadRow_IsRejectedWithLineAndReasonAndGoodRowsConvert(string badRow, string reason)
    {
        using var workspace = new Workspace();
        var request = Request(workspace, $"time,pouch,pressure_pa,temperature_c\n{Good}\n{badRow}\n2026-11-01T10:00:00Z,P1,101100,50\n");

        var summary = Converter.Run(request);

        Assert.Equal(1, summary.Rejected);
        Assert.Equal(2, summary.RowsWritten);
        var rejects = File.ReadAllLines(request.RejectsPath!);
        Assert.Equal("line,reason", rejects[0]);
        Assert.StartsWith("3,", rejects[1], StringComparison.Ordinal);
        Assert.Contains(reason, rejects[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_IdenticalRepeat_IsDroppedSilently()
    {
        using var workspace = new Workspace();
        var request = Request(workspace, $"time,pouch,pressure_pa,temperature_c\n{Good}\n{Good}\n");

        var summary = Converter.Run(request);

        Assert.Equal(0, summary.Rejected);
        Assert.Equal(1, summary.DuplicatesDropped);
        Assert.Equal(1, summary.RowsWritten);
    }

    [Fact]
    public void Run_ColumnsInAnyOrderWithExtras_AreFoundByName()
    {
        using var workspace = new Workspace();
        var request = Request(workspace, "board,temperature_c,pouch,time,pressure_pa\nx,50,P1,2026-11-01T08:00:00+01:00,101000\n");

        Converter.Run(request);

        var gas = GasCsv.Load(request.OutPath);
        Assert.Equal("2026-11-01T07:00:00Z", gas.Field(0, "time"));
        Assert.Equal(101000, gas.Number(0, "pressure_pa"));
    }

    [Fact]
    public void Run_MixOfGoodAndBadRows_ConvertsEveryGoodRow()
    {
        using var workspace = new Workspace();
        var rows = Enumerable.Range(0, 100).Select(i => i % 3 == 0
            ? $"2026-11-01T{i / 10:00}:{i % 10:00}:00Z,P1,bad,50"
            : $"2026-11-01T{i / 10:00}:{i % 10:00}:00Z,P1,{101000 + i},50");
        var request = Request(workspace, "time,pouch,pressure_pa,temperature_c\n" + string.Join('\n', rows));

        var summary = Converter.Run(request);

        Assert.Equal(34, summary.Rejected);
        Assert.Equal(66, summary.RowsWritten);
        Assert.Equal(66, GasCsv.Load(request.OutPath).Rows.Count);
    }

    [Fact]
    public void Run_HeaderWithoutPressure_FailsNamingTheColumn()
    {
        using var workspace = new Workspace();
        var request = Request(workspace, "time,pouch,temperature_c\n2026-11-01T08:00:00Z,P1,50\n");

        var error = Assert.Throws<InputFileException>(() => Converter.Run(request));
        Assert.Contains("lacks the column 'pressure_pa'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FailedConversion_KeepsThePreviousOutput()
    {
        using var workspace = new Workspace();
        string previous = workspace.Write("gas.csv", "earlier results\n");
        var request = Request(workspace, "time,pouch\n") with { OutPath = previous };

        Assert.Throws<InputFileException>(() => Converter.Run(request));
        Assert.Equal("earlier results\n", File.ReadAllText(previous));
        Assert.False(File.Exists(previous + ".partial"));
    }

    private static ConversionRequest Request(Workspace workspace, string readings) => new(
        workspace.Write("experiment.json", Experiment),
        workspace.Write("readings.csv", readings),
        null,
        null,
        workspace.Path("gas.csv"),
        workspace.Path("rejects.csv"));
}
