using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Tests.Conversion;

/// <summary>events.csv and gc.csv change every later number: a bad row stops the conversion, naming file, line and column.</summary>
public class EventsAndGcFileTests
{
    [Theory]
    [InlineData("time,pouch,kind\n2026-01-06T22:15:00Z,A9,sample\n", "line 2: pouch: 'A9' is not in the experiment")]
    [InlineData("time,pouch,kind\n2026-01-06T22:15:00,A1,sample\n", "line 2: time: '2026-01-06T22:15:00' is not an ISO 8601 time with an offset")]
    [InlineData("time,pouch,kind,note\n2026-01-06T22:15:00Z,A1,sample,ok\n2026-01-06T23:15:00Z,A1,burp,\n", "line 3: kind: 'burp' is not an event kind")]
    [InlineData("time,pouch\n2026-01-06T22:15:00Z,A1\n", "lacks the column 'kind'")]
    [InlineData("time,pouch,kind,note\n2026-01-06T22:15:00Z,A1,sample,GC syringe, 0.5 mL\n", "line 2: 5 fields but the header has 4: put a note that holds a comma in double quotes")]
    public void Run_BadEventsFile_FailsNamingLineAndColumn(string events, string message)
    {
        using var workspace = new Workspace();
        var request = ExampleConversionTests.Request("example-headspace", workspace.Path("gas.csv")) with { EventsPath = workspace.Write("events.csv", events) };

        var error = Assert.Throws<InputFileException>(() => Converter.Run(request));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.OutPath));
    }

    [Theory]
    [InlineData("time,pouch,h2_percent\n2026-01-06T22:15:00Z,A1,101\n", "line 2: h2_percent: 101 is outside 0 – 100 %")]
    [InlineData("time,pouch,h2_percent\n2026-01-06T22:15:00Z,A1,\n", "line 2: h2_percent: missing")]
    [InlineData("time,pouch,h2_percent,n2_percent\n2026-01-06T22:15:00Z,A1,20,lots\n", "line 2: n2_percent: 'lots' is not a number")]
    [InlineData("time,pouch,h2_percent\n2026-01-06T22:15:00Z,A1,20\n2026-01-06T22:15:00Z,A1,21\n", "line 3: pouch A1 already has a GC result at 2026-01-06T22:15:00Z")]
    [InlineData("time,pouch,h2_percent,n2_percent,o2_percent\n2026-01-06T22:15:00Z,A1,72.4,30,5.8\n", "line 2: h2_percent and the other *_percent columns add up to 108.2 %, more than 100 %")]
    [InlineData("time,pouch,h2_percent\n2026-01-06T22:15:00Z,A1,0.72\n", "line 2: h2_percent: 0.72 looks like a fraction; gc.csv takes percent (write 72 for 72 %)")]
    [InlineData("time,pouch,h2_percent,n2_percent\n2026-01-06T22:15:00Z,A1,0.72,0.28\n", "line 2: h2_percent: 0.72 looks like a fraction")]
    public void Run_BadGcFile_FailsNamingLineAndColumn(string gc, string message)
    {
        using var workspace = new Workspace();
        var request = ExampleConversionTests.Request("example-headspace", workspace.Path("gas.csv")) with { GcPath = workspace.Write("gc.csv", gc) };

        var error = Assert.Throws<InputFileException>(() => Converter.Run(request));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Rounded percents adding up to a little over 100, a small H2 beside the rest of the gas, and no H2 at all.
    [InlineData("time,pouch,h2_percent,n2_percent,o2_percent\n2026-01-06T22:15:00Z,A1,72.4,22.0,5.8\n")]
    [InlineData("time,pouch,h2_percent,n2_percent\n2026-01-06T22:15:00Z,A1,0.8,99.2\n")]
    [InlineData("time,pouch,h2_percent\n2026-01-06T22:15:00Z,A1,0\n")]
    public void Run_PlausibleGcRow_IsAccepted(string gc)
    {
        using var workspace = new Workspace();
        var request = ExampleConversionTests.Request("example-headspace", workspace.Path("gas.csv")) with { GcPath = workspace.Write("gc.csv", gc) };

        Converter.Run(request);

        Assert.True(File.Exists(request.OutPath));
    }

    [Fact]
    public void Run_EventOutsideTheReadings_WarnsNamingFilePouchAndTime()
    {
        using var workspace = new Workspace();
        string events = "time,pouch,kind,note\n2026-01-06T22:15:00Z,A1,sample,\n2025-01-06T22:15:00Z,A1,vent,a year early\n";
        var request = ExampleConversionTests.Request("example-headspace", workspace.Path("gas.csv")) with { EventsPath = workspace.Write("events.csv", events) };

        var summary = Converter.Run(request);

        // The example's vessels also draw the set-up range warning (docs/measurement-model.md); only the events' count here.
        var warning = Assert.Single(summary.Warnings, w => w.StartsWith(request.EventsPath!, StringComparison.Ordinal));
        Assert.Equal(
            $"{request.EventsPath}: pouch A1: vent at 2025-01-06T22:15:00Z is outside its readings (2026-01-05T10:00:00Z – 2026-01-08T10:00:00Z)",
            warning);
    }

    [Fact]
    public void Run_EventsInsideTheReadings_NoWarning()
    {
        using var workspace = new Workspace();
        var request = ExampleConversionTests.Request("example-headspace", workspace.Path("gas.csv"));

        Assert.DoesNotContain(Converter.Run(request).Warnings, w => w.Contains("events.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_OtherGasColumns_AreCarriedIntoTheOutput()
    {
        using var workspace = new Workspace();
        string gc = "time,pouch,h2_percent,n2_percent\n2026-01-06T22:15:00Z,A1,3.2137,70\n2026-01-07T22:15:00Z,A1,8.6056,60\n";
        var request = ExampleConversionTests.Request("example-headspace", workspace.Path("gas.csv")) with { GcPath = workspace.Write("gc.csv", gc) };

        Converter.Run(request);

        var gas = GasCsv.Load(request.OutPath);
        Assert.Equal("n2_percent", gas.Header[^1]);
        int row = gas.Rows.FindIndex(r => r[0] == "2026-01-07T10:00:00Z" && r[1] == "A1");
        // 11.75 h of the 24 h between the two results
        Assert.Equal(70 - (10 * 11.75 / 24), gas.Number(row, "n2_percent")!.Value, 1e-9);
        Assert.Null(gas.Number(0, "n2_percent"));
    }
}
