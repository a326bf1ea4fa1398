using PouchMonitor.Host.Reports;

namespace PouchMonitor.Host.Tests.Reports;

public class UncertainTextTests
{
    [Theory]
    [InlineData(10.0, 0.063, "10.00 ± 0.06")]
    [InlineData(10.2345, 0.14, "10.23 ± 0.14")]
    [InlineData(1234.5, 25, "1230 ± 30")]
    [InlineData(0.00123, 0.0004, "0.0012 ± 0.0004")]
    [InlineData(7.26, double.NaN, "7.26")]
    public void Format_ValueAndUncertainty_RoundsToTheUncertainty(double value, double uncertainty, string expected)
    {
        Assert.Equal(expected, UncertainText.Format(value, uncertainty));
    }
}
