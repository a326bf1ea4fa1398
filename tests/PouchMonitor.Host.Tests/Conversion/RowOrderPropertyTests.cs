using CsCheck;
using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Tests.Conversion;

public class RowOrderPropertyTests
{
    [Fact]
    public void Run_ShuffledReadings_GiveTheSameOutput()
    {
        using var workspace = new Workspace();
        var original = ExampleConversionTests.Request("example-headspace", workspace.Path("original.csv"));
        Converter.Run(original);
        string expected = File.ReadAllText(original.OutPath);
        var lines = File.ReadAllLines(original.ReadingsPath);

        Gen.Shuffle(lines[1..]).Sample(
            rows =>
            {
                string name = Guid.NewGuid().ToString("N");
                string readings = workspace.Write(name + "-readings.csv", lines[0] + "\n" + string.Join('\n', rows));
                var shuffled = original with { ReadingsPath = readings, OutPath = workspace.Path(name + "-gas.csv") };
                Converter.Run(shuffled, sortRunLength: 16);
                Assert.Equal(expected, File.ReadAllText(shuffled.OutPath));
            },
            iter: 20);
    }
}
