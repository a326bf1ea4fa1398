using System.Text;

namespace PouchMonitor.Firmware.Core.Tests;

public class CommandParserTests
{
    private readonly CommandParser _parser = new();
    private readonly Command _command = new();

    [Theory]
    [InlineData("command-set-interval.json", CommandKind.SetInterval, 60, 120, 0)]
    [InlineData("command-identify.json", CommandKind.Identify, 0, 0, 10)]
    [InlineData("command-reboot.json", CommandKind.Reboot, 0, 0, 0)]
    [InlineData("command-report-config.json", CommandKind.ReportConfig, 0, 0, 0)]
    public void TryParse_GoldenCommand_ReturnsItsFields(string golden, CommandKind kind, int intervalS, int publishIntervalS, int durationS)
    {
        Assert.True(_parser.TryParse(Encoding.UTF8.GetBytes(Golden.Text(golden)), _command));
        Assert.Equal((kind, intervalS, publishIntervalS, durationS), (_command.Kind, _command.IntervalS, _command.PublishIntervalS, _command.DurationS));
    }

    [Fact]
    public void TryParse_WhitespaceAndAnyFieldOrder_Accepted()
    {
        Assert.True(_parser.TryParse(Encoding.UTF8.GetBytes(" {\n \"intervalS\" : 30 ,\t\"cmd\":\"set-interval\", \"v\":1 }\r\n"), _command));
        Assert.Equal((CommandKind.SetInterval, 30, Command.Absent), (_command.Kind, _command.IntervalS, _command.PublishIntervalS));
    }

    [Theory]
    [InlineData("""{"v":2,"cmd":"reboot"}""")]
    [InlineData("""{"cmd":"reboot"}""")]
    [InlineData("""{"v":1,"cmd":"format-flash"}""")]
    [InlineData("""{"v":1,"cmd":"reboot","durationS":5}""")]
    [InlineData("""{"v":1,"cmd":"reboot","x":1}""")]
    [InlineData("""{"v":1,"cmd":"reboot","v":1}""")]
    [InlineData("""{"v":1,"cmd":"set-interval"}""")]
    [InlineData("""{"v":1,"cmd":"set-interval","intervalS":0}""")]
    [InlineData("""{"v":1,"cmd":"set-interval","intervalS":3601}""")]
    [InlineData("""{"v":1,"cmd":"set-interval","intervalS":-5}""")]
    [InlineData("""{"v":1,"cmd":"set-interval","intervalS":10.5}""")]
    [InlineData("""{"v":1,"cmd":"set-interval","intervalS":010}""")]
    [InlineData("""{"v":1,"cmd":"set-interval","intervalS":99999999999}""")]
    [InlineData("""{"v":1,"cmd":"set-interval","intervalS":10,"publishIntervalS":0}""")]
    [InlineData("""{"v":1,"cmd":"identify"}""")]
    [InlineData("""{"v":1,"cmd":"identify","durationS":301}""")]
    [InlineData("""{"v":1,"cmd":"re\"boot"}""")]
    [InlineData("""{"v":1,"cmd":"reboot"} x""")]
    [InlineData("""{"v":1,"cmd":"reboot",}""")]
    [InlineData("""{"v":1,"cmd":"reboot\""")]
    [InlineData("""[1]""")]
    [InlineData("")]
    public void TryParse_InvalidCommand_ReturnsFalse(string payload)
    {
        Assert.False(_parser.TryParse(Encoding.UTF8.GetBytes(payload), _command));
    }

    [Fact]
    public void TryParse_OversizedPayload_ReturnsFalse()
    {
        var payload = """{"v":1,"cmd":"reboot"}""" + new string(' ', 300);

        Assert.False(_parser.TryParse(Encoding.UTF8.GetBytes(payload), _command));
    }
}
