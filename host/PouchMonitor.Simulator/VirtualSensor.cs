using System.Device.I2c;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>
/// One BME280 of a virtual board, wired to a vessel in the oven: before each tick of its board the emulated chip gets
/// the vessel's true pressure and the oven's temperature plus sensor noise; faults unplug it or freeze it.
/// </summary>
public sealed class VirtualSensor
{
    private readonly Bme280RegisterMap _chip = new();
    private readonly SimulatedI2cDevice _device;
    private readonly Random _noise;

    /// <summary>Sensor <paramref name="sensorIndex"/> of a board, measuring <paramref name="vessel"/> in <paramref name="oven"/>.</summary>
    public VirtualSensor(int sensorIndex, SimulatedVessel vessel, OvenProfile oven, int noiseSeed)
    {
        Vessel = vessel ?? throw new ArgumentNullException(nameof(vessel));
        Oven = oven ?? throw new ArgumentNullException(nameof(oven));
        _noise = new Random(noiseSeed);
        _device = new SimulatedI2cDevice(new I2cConnectionSettings(0, 0x76), _chip);
        Port = new Bmx280SensorPort(new SensorSlot(sensorIndex, 0, 0x76, sensorIndex, SensorChip.Bme280), () => _device);
    }

    /// <summary>The vessel it measures.</summary>
    public SimulatedVessel Vessel { get; }

    /// <summary>The oven the vessel sits in.</summary>
    public OvenProfile Oven { get; }

    /// <summary>The firmware core's port to it (desktop Bme280 driver over the emulated registers).</summary>
    public Bmx280SensorPort Port { get; }

    /// <summary>
    /// RMS noise of one conversion, in Pa, before the chip's IIR filter (BME280 datasheet table 3: 1.3 Pa at ×16
    /// oversampling without filter; the ×16 filter brings it to about 0.2 Pa).
    /// </summary>
    public double PressureNoisePa { get; init; } = 1.3;

    /// <summary>RMS noise of one temperature conversion, in °C, before the IIR filter.</summary>
    public double TemperatureNoiseC { get; init; } = 0.005;

    /// <summary>True while the sensor's cable is unplugged: every I2C transfer fails.</summary>
    public bool Unplugged
    {
        get => _device.Disconnected;
        set => _device.Disconnected = value;
    }

    /// <summary>True while the chip is stuck: its data registers stop changing.</summary>
    public bool Stuck
    {
        get => _chip.Frozen;
        set => _chip.Frozen = value;
    }

    /// <summary>Puts the true values at <paramref name="elapsed"/> since the run started, plus noise, into the chip.</summary>
    public void Update(TimeSpan elapsed)
    {
        var temperatureC = Oven.TemperatureC(elapsed);
        var pressurePa = Vessel.PressurePa(elapsed, temperatureC);
        _chip.TemperatureC = temperatureC + (TemperatureNoiseC * Gaussian());
        _chip.PressurePa = pressurePa + (PressureNoisePa * Gaussian());
    }

    // Box–Muller.
    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _noise.NextDouble())) * Math.Cos(2 * Math.PI * _noise.NextDouble());
}
