using System.Text;

namespace PouchMonitor.Contracts.Tests;

public class DeviceCommandTests
{
    public static TheoryData<string, DeviceCommand> GoldenCommands => new()
    {
        { "command-set-interval.json", DeviceCommand.SetInterval(60, 120) },
        { "command-identify.json", DeviceCommand.Identify(10) },
        { "command-reboot.json", DeviceCommand.Reboot() },
        { "command-report-config.json", DeviceCommand.ReportConfig() },
    };

    [Theory]
    [MemberData(nameof(GoldenCommands))]
    public void ToPayload_EachKind_EqualsGoldenFile(string golden, DeviceCommand command)
    {
        Assert.Equal(Golden.Text(golden), Encoding.UTF8.GetString(command.ToPayload()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void SetInterval_OutsideRange_Throws(int intervalS)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceCommand.SetInterval(intervalS));
    }

    [Fact]
    public void Identify_LongerThanLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceCommand.Identify(ContractV1.MaxIdentifyS + 1));
    }
}
