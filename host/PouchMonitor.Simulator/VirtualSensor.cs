using System.Device.I2c;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>
/// One BME280 of a virtual board, wired to a vessel in the oven: at each conversion the emulated chip gets the
/// vessel's true pressure (the gas is at the oven's temperature) and the sensor's own temperature at that moment of the
/// rig's clock, both as its <see cref="SensorModel"/> says (lag, offset, drift, noise, steps); faults unplug it or freeze it.
/// </summary>
public sealed class VirtualSensor
{
    private readonly Bme280RegisterMap _chip;
    private readonly SimulatedI2cDevice _device;
    private readonly SensorResponse _response;

    /// <summary>
    /// Sensor <paramref name="sensorIndex"/> of a board, measuring <paramref name="vessel"/> in <paramref name="oven"/>;
    /// <paramref name="elapsed"/> gives the rig's time since the run started.
    /// </summary>
    public VirtualSensor(int sensorIndex, SimulatedVessel vessel, OvenProfile oven, Func<TimeSpan> elapsed, int noiseSeed, SensorModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(elapsed);
        Vessel = vessel ?? throw new ArgumentNullException(nameof(vessel));
        Oven = oven ?? throw new ArgumentNullException(nameof(oven));
        _response = new SensorResponse(model ?? SensorModel.Ideal, oven, noiseSeed);
        _chip = new Bme280RegisterMap { Converting = () => Update(elapsed()) };
        _device = new SimulatedI2cDevice(new I2cConnectionSettings(0, 0x76), _chip);
        Port = new Bmx280SensorPort(new SensorSlot(sensorIndex, 0, 0x76, sensorIndex, SensorChip.Bme280), () => _device);
    }

    /// <summary>The vessel it measures.</summary>
    public SimulatedVessel Vessel { get; }

    /// <summary>The oven the vessel sits in.</summary>
    public OvenProfile Oven { get; }

    /// <summary>The firmware core's port to it (desktop Bme280 driver over the emulated registers).</summary>
    public Bmx280SensorPort Port { get; }

    /// <summary>How the sensor departs from the gas (BME280 datasheet table 3: 1.3 Pa per conversion at ×16 oversampling).</summary>
    public SensorModel Model => _response.Model;

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

    // The true values at elapsed since the run started, plus noise, into the chip.
    private void Update(TimeSpan elapsed)
    {
        var pressurePa = Vessel.PressurePa(elapsed, Oven.TemperatureC(elapsed));
        _chip.TemperatureC = _response.TemperatureC(elapsed);
        _chip.PressurePa = _response.PressurePa(elapsed, pressurePa);
    }
}
