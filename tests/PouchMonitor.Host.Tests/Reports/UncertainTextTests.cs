using PouchMonitor.Host.Reports;

namespace PouchMonitor.Host.Tests.Reports;

public class UncertainTextTests
{
    [Theory]
    // issue 10: "10.00 ± 0.06, not 10 ± 0.063"
    [InlineData(10, 0.063, "10.00 ± 0.06")]
    [InlineData(10.2345, 0.15, "10.23 ± 0.15")]
    [InlineData(2.0213, 0.0291, "2.021 ± 0.029")]
    [InlineData(1234.5, 63, "1230 ± 60")]
    [InlineData(0.00314, 0.0004, "0.0031 ± 0.0004")]
    [InlineData(5.5, double.NaN, "5.5")]
    public void Format_ValueAndUncertainty_RoundsBothToTheUncertaintysDigits(double value, double uncertainty, string expected) =>
        Assert.Equal(expected, UncertainText.Format(value, uncertainty));
}
