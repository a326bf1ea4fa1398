using System.Device.I2c;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator.Tests;

/// <summary>The emulated chip's IIR filter, read through the desktop driver as the firmware configures it (coefficient 4).</summary>
public class EmulatorFilterTests
{
    [Fact]
    public void TryRead_PressureStep_PassesAQuarterPerSampleAsTheChipDoes()
    {
        // BME280 datasheet §3.4.4: filtered = (filtered_old × (c − 1) + new) / c; with c = 4, 1/4 of a step per
        // conversion, so 1 − 0.75^n of it after n conversions: 95 % after 11.
        var chip = new Bme280RegisterMap { PressurePa = 100_000, TemperatureC = 50 };
        var device = new SimulatedI2cDevice(new I2cConnectionSettings(0, 0x76), chip);
        using var port = new Bmx280SensorPort(new SensorSlot(0, 0, 0x76, SensorSlot.NoMux, SensorChip.Bme280), () => device);
        Assert.Equal(SensorInit.Ok, port.Initialize());
        Assert.True(port.TryRead(out var before, out _));

        chip.PressurePa = 101_000;
        var readings = Enumerable.Range(0, 11).Select(_ => port.TryRead(out double pressurePa, out double _) ? pressurePa : double.NaN).ToList();

        Assert.Equal(100_000, before, 0.2);
        Assert.Equal(100_250, readings[0], 0.5);
        Assert.Equal(100_000 + (1000 * (1 - Math.Pow(0.75, 11))), readings[10], 0.5);
        Assert.True(readings[10] > 100_950);
    }
}
