using PouchMonitor.Firmware.Core.Tests.Fakes;

namespace PouchMonitor.Firmware.Core.Tests;

public class SensorChannelTests
{
    private readonly FakeSensorPort _port = new(3);
    private readonly Reading _reading = new();

    private SensorChannel Channel => field ??= new SensorChannel(_port);

    [Fact]
    public void Read_HealthySensor_ReturnsRoundedValues()
    {
        _port.Values = _ => (101325.125, 50.024);

        Channel.Read(_reading);

        Assert.Equal((SensorFault.None, 3, 10132513L, 5002), (_reading.Fault, _reading.SensorIndex, _reading.PressureCentiPa, _reading.TemperatureCentiC));
        Assert.Equal(1, _port.Initializations);
    }

    [Fact]
    public void Read_WrongChipId_ReportsChipIdFaultAndRetriesInitNextTime()
    {
        _port.InitResult = SensorInit.WrongChipId;

        Channel.Read(_reading);
        Channel.Read(_reading);

        Assert.Equal(SensorFault.ChipId, _reading.Fault);
        Assert.Equal(2, _port.Initializations);
        Assert.Equal(0, _port.Reads);
    }

    [Fact]
    public void Read_NoAnswerAtInit_ReportsI2cFault()
    {
        _port.InitResult = SensorInit.BusError;

        Channel.Read(_reading);

        Assert.Equal(SensorFault.I2c, _reading.Fault);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(SensorChannel.ReadAttempts - 1)]
    public void Read_FewerBusErrorsThanAttempts_RetriesWithoutReinit(int failures)
    {
        _port.FailingReads = failures;

        Channel.Read(_reading);

        Assert.Equal(SensorFault.None, _reading.Fault);
        Assert.Equal(1, _port.Initializations);
    }

    [Fact]
    public void Read_BusErrorsThroughAllAttempts_ReinitialisesAndReadsOnceMore()
    {
        _port.FailingReads = SensorChannel.ReadAttempts;

        Channel.Read(_reading);

        Assert.Equal(SensorFault.None, _reading.Fault);
        Assert.Equal(2, _port.Initializations);
    }

    [Fact]
    public void Read_BusErrorsAfterReinit_ReportsI2cThenRecovers()
    {
        _port.FailingReads = SensorChannel.ReadAttempts + 1;

        Channel.Read(_reading);
        var fault = _reading.Fault;
        Channel.Read(_reading);

        Assert.Equal(SensorFault.I2c, fault);
        Assert.Equal(SensorFault.None, _reading.Fault);
        Assert.Equal(3, _port.Initializations);
    }

    [Theory]
    [InlineData(29_999.99, 50.0)]
    [InlineData(110_000.01, 50.0)]
    [InlineData(100_000.0, -40.01)]
    [InlineData(100_000.0, 85.01)]
    [InlineData(double.NaN, 50.0)]
    [InlineData(100_000.0, double.NaN)]
    [InlineData(double.PositiveInfinity, 50.0)]
    public void Read_ValueOutsideSensorRange_ReportsOutOfRangeWithoutData(double pressurePa, double temperatureC)
    {
        _port.Values = _ => (pressurePa, temperatureC);

        Channel.Read(_reading);

        Assert.Equal((SensorFault.OutOfRange, 0L, 0), (_reading.Fault, _reading.PressureCentiPa, _reading.TemperatureCentiC));
    }

    [Theory]
    [InlineData(30_000.0, -40.0)]
    [InlineData(110_000.0, 85.0)]
    public void Read_ValueAtRangeEdge_IsData(double pressurePa, double temperatureC)
    {
        _port.Values = _ => (pressurePa, temperatureC);

        Channel.Read(_reading);

        Assert.Equal(SensorFault.None, _reading.Fault);
    }

    [Fact]
    public void Read_IdenticalValues_StuckFromTheLimitOnAndReinitialised()
    {
        _port.Values = _ => (100_000.0, 50.0);
        var faults = new List<SensorFault>();

        for (var i = 0; i < SensorChannel.StuckLimit + 1; i++)
        {
            Channel.Read(_reading);
            faults.Add(_reading.Fault);
        }

        Assert.Equal(Enumerable.Repeat(SensorFault.None, SensorChannel.StuckLimit - 1), faults.Take(SensorChannel.StuckLimit - 1));
        Assert.Equal([SensorFault.Stuck, SensorFault.Stuck], faults.Skip(SensorChannel.StuckLimit - 1));
        // The first read initialised the chip; the first stuck reading made the next read re-arm it.
        Assert.Equal(2, _port.Initializations);
    }

    [Fact]
    public void Read_StuckSensorChangesValue_IsDataAgain()
    {
        _port.Values = n => n < SensorChannel.StuckLimit ? (100_000.0, 50.0) : (100_000.5, 50.0);

        for (var i = 0; i <= SensorChannel.StuckLimit; i++)
        {
            Channel.Read(_reading);
        }

        Assert.Equal((SensorFault.None, 10000050L), (_reading.Fault, _reading.PressureCentiPa));
    }

    [Fact]
    public void Read_RepeatInterruptedByDifferentValue_NeverStuck()
    {
        _port.Values = n => n % SensorChannel.StuckLimit == SensorChannel.StuckLimit - 1 ? (100_000.01, 50.0) : (100_000.0, 50.0);

        for (var i = 0; i < 4 * SensorChannel.StuckLimit; i++)
        {
            Channel.Read(_reading);
            Assert.Equal(SensorFault.None, _reading.Fault);
        }
    }
}
