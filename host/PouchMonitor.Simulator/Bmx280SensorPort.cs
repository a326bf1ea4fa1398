using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>
/// The desktop twin of the device layer's sensor port: the firmware core's <see cref="ISensorPort"/> over
/// Iot.Device.Bindings' Bme280/Bmp280 (the desktop counterpart of nanoFramework.Iot.Device.Bmxx80), configured as the
/// device configures it.
/// </summary>
public sealed class Bmx280SensorPort : ISensorPort, IDisposable
{
    private const byte ChipIdRegister = 0xD0;
    private readonly Func<I2cDevice> _openDevice;
    private Bmx280Base? _sensor;

    /// <summary>A port for <paramref name="slot"/> that opens its I2C device with <paramref name="openDevice"/>.</summary>
    public Bmx280SensorPort(SensorSlot slot, Func<I2cDevice> openDevice)
    {
        Slot = slot ?? throw new ArgumentNullException(nameof(slot));
        _openDevice = openDevice ?? throw new ArgumentNullException(nameof(openDevice));
    }

    /// <inheritdoc/>
    public SensorSlot Slot { get; }

    /// <inheritdoc/>
    public SensorInit Initialize()
    {
        Dispose();
        var device = _openDevice();
        try
        {
            device.WriteByte(ChipIdRegister);
            var expected = Slot.Chip == SensorChip.Bme280 ? Bme280RegisterMap.Bme280ChipId : Bme280RegisterMap.Bmp280ChipId;
            if (device.ReadByte() != expected)
            {
                device.Dispose();
                return SensorInit.WrongChipId;
            }

            _sensor = Slot.Chip == SensorChip.Bme280 ? new Bme280(device) { HumiditySampling = Sampling.Skipped } : new Bmp280(device);
            _sensor.TemperatureSampling = Sampling.LowPower;
            _sensor.PressureSampling = Sampling.UltraHighResolution;
            _sensor.FilterMode = Bmx280FilteringMode.X4;
            return SensorInit.Ok;
        }
        catch (IOException)
        {
            Dispose();
            device.Dispose();
            return SensorInit.BusError;
        }
    }

    /// <inheritdoc/>
    public bool TryRead(out double pressurePa, out double temperatureC)
    {
        pressurePa = double.NaN;
        temperatureC = double.NaN;
        if (_sensor is null)
        {
            return false;
        }

        try
        {
            // Bme280ReadResult derives from Bmp280ReadResult; a skipped measurement is null, reported as NaN.
            var result = _sensor is Bme280 bme ? bme.Read() : ((Bmp280)_sensor).Read();
            pressurePa = result.Pressure?.Pascals ?? double.NaN;
            temperatureC = result.Temperature?.DegreesCelsius ?? double.NaN;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Releases the binding and its I2C device.</summary>
    public void Dispose()
    {
        _sensor?.Dispose();
        _sensor = null;
    }
}
