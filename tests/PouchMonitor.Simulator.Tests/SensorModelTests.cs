using PouchMonitor.Analysis;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator.Tests;

/// <summary>The realistic sensor through the desktop driver: it lags the gas, reads high, and the ideal one does neither.</summary>
public class SensorModelTests
{
    private static readonly TimeSpan StepAt = TimeSpan.FromHours(1);
    private TimeSpan _elapsed;

    [Fact]
    public void Read_OvenStepsDown_RealisticSensorFollowsWithItsLagAndOffset()
    {
        var model = SensorModel.Realistic with { TemperatureNoiseC = 0, PressureNoisePa = 0, TemperatureResolutionC = 0, TemperatureDriftCPerDay = 0 };
        var sensor = StepSensor(model);
        using var port = sensor.Port;

        var before = Read(sensor, StepAt - TimeSpan.FromMinutes(1));
        var oneLagLater = Read(sensor, StepAt + model.ThermalLag);

        Assert.Equal(50 + 0.3, before, 0.01);
        // a first-order lag passes 1 − 1/e of a step after one time constant
        Assert.Equal(50 + 0.3 - (1 - Math.Exp(-1)), oneLagLater, 0.01);
    }

    [Fact]
    public void Read_OvenStepsDown_IdealSensorReadsTheGas()
    {
        var sensor = StepSensor(SensorModel.Ideal with { TemperatureNoiseC = 0, PressureNoisePa = 0 });
        using var port = sensor.Port;

        Read(sensor, StepAt - TimeSpan.FromMinutes(1));
        Assert.Equal(49, Read(sensor, StepAt + TimeSpan.FromMinutes(3)), 0.01);
    }

    private VirtualSensor StepSensor(SensorModel model)
    {
        var oven = new OvenProfile(50, 0, TimeSpan.FromMinutes(45), [new DoorOpening(StepAt, TimeSpan.FromDays(1), 1.0)]);
        var vessel = new SimulatedVessel(VesselKind.Headspace, 60, 1.1, new GompertzKinetics(0, 1, 0), 0, 100_000, 50);
        var sensor = new VirtualSensor(0, vessel, oven, () => _elapsed, noiseSeed: 1, model);
        Assert.Equal(SensorInit.Ok, sensor.Port.Initialize());
        return sensor;
    }

    // Reads until the chip's IIR filter has passed the new value (1 − 0.75^30 of it).
    private double Read(VirtualSensor sensor, TimeSpan elapsed)
    {
        _elapsed = elapsed;
        double temperatureC = double.NaN;
        for (int i = 0; i < 30; i++)
        {
            Assert.True(sensor.Port.TryRead(out _, out temperatureC));
        }

        return temperatureC;
    }
}
