using System;
using System.Device.I2c;
using System.Threading;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;
using Iot.Device.Bmxx80.ReadResult;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// One BME280/BMP280 through the nanoFramework.Iot.Device.Bmxx80 binding. The binding ignores I2C transfer results
    /// (a sensor that stops answering reads back zeros, not an error), so every read is bracketed by a chip-id read
    /// whose transfer status this port does check. Re-initialising creates a new binding on the same, never disposed,
    /// <see cref="I2cDevice"/> (see <see cref="I2cDevices"/>); the old binding is dropped, not disposed, since its
    /// Dispose would dispose the device.
    /// </summary>
    internal sealed class BmxSensorPort : ISensorPort
    {
        // Register addresses and values from the BME280 (BST-BME280-DS002) and BMP280 (BST-BMP280-DS001) datasheets.
        private const byte ChipIdRegister = 0xD0;
        private const byte ControlMeasurementRegister = 0xF4;
        private const byte ConfigRegister = 0xF5;
        private const byte Bme280ChipId = 0x60;
        private const byte Bmp280ChipId = 0x58;

        // ctrl_meas with osrs_t = ×2 (010), osrs_p = ×16 (101); the mode bits (sleep until a forced read) are masked off.
        private const byte ExpectedControlMeasurement = 0b010_101_00;

        // A soft reset (done by the binding's constructor) restarts the chip; Bosch gives 2 ms start-up.
        private const int StartupMs = 2;

        private readonly I2cDevice _device;
        private readonly Tca9548a _multiplexer;
        private readonly byte[] _register = new byte[1];
        private readonly byte[] _value = new byte[1];
        private Bme280 _bme280;
        private Bmp280 _bmp280;

        /// <summary>
        /// A port for <paramref name="slot"/>, talking through <paramref name="device"/> (the slot's bus and address);
        /// <paramref name="multiplexer"/> is the slot's bus switch, or null without one.
        /// </summary>
        public BmxSensorPort(SensorSlot slot, I2cDevice device, Tca9548a multiplexer)
        {
            Slot = slot ?? throw new ArgumentNullException(nameof(slot));
            _device = device ?? throw new ArgumentNullException(nameof(device));
            _multiplexer = multiplexer;
        }

        /// <inheritdoc/>
        public SensorSlot Slot { get; }

        private byte ExpectedChipId => Slot.Chip == SensorChip.Bme280 ? Bme280ChipId : Bmp280ChipId;

        /// <inheritdoc/>
        public SensorInit Initialize()
        {
            _bme280 = null;
            _bmp280 = null;
            try
            {
                if (!SelectChannel() || !TryReadRegister(ChipIdRegister, out var chipId))
                {
                    return SensorInit.BusError;
                }

                if (chipId != ExpectedChipId)
                {
                    return SensorInit.WrongChipId;
                }

                CreateDriver();
                if (IsConfigured())
                {
                    return SensorInit.Ok;
                }
            }
            catch (Exception)
            {
                // The binding throws IOException when the chip id changes under it; anything else is a bus fault too.
            }

            _bme280 = null;
            _bmp280 = null;
            return SensorInit.BusError;
        }

        /// <inheritdoc/>
        public bool TryRead(out double pressurePa, out double temperatureC)
        {
            pressurePa = double.NaN;
            temperatureC = double.NaN;
            try
            {
                if ((_bme280 == null && _bmp280 == null) || !SelectChannel() || !IsAnswering())
                {
                    return false;
                }

                // Read() triggers a forced conversion, sleeps for the binding's measurement time and compensates.
                Bmp280ReadResult result = _bme280 != null ? _bme280.Read() : _bmp280.Read();
                if (!IsAnswering())
                {
                    return false;
                }

                if (result.PressureIsValid)
                {
                    pressurePa = result.Pressure.Pascals;
                }

                if (result.TemperatureIsValid)
                {
                    temperatureC = result.Temperature.DegreesCelsius;
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private void CreateDriver()
        {
            if (Slot.Chip == SensorChip.Bme280)
            {
                _bme280 = new Bme280(_device);
                Thread.Sleep(StartupMs);
                _bme280.HumiditySampling = Sampling.Skipped;
                Configure(_bme280);
            }
            else
            {
                _bmp280 = new Bmp280(_device);
                Thread.Sleep(StartupMs);
                Configure(_bmp280);
            }
        }

        private static void Configure(Bmx280Base driver)
        {
            driver.TemperatureSampling = Sampling.LowPower;
            driver.PressureSampling = Sampling.UltraHighResolution;
            driver.FilterMode = Bmx280FilteringMode.X4;
        }

        // Reads the settings back: a write the chip missed would otherwise go unnoticed for the whole test.
        private bool IsConfigured() =>
            TryReadRegister(ControlMeasurementRegister, out var control)
            && (control & 0b1111_1100) == ExpectedControlMeasurement
            && TryReadRegister(ConfigRegister, out var config)
            && ((config >> 2) & 0b111) == (int)Bmx280FilteringMode.X4;

        private bool IsAnswering() => TryReadRegister(ChipIdRegister, out var chipId) && chipId == ExpectedChipId;

        private bool SelectChannel() => _multiplexer == null || _multiplexer.TrySelect(Slot.MuxChannel);

        private bool TryReadRegister(byte register, out byte value)
        {
            _register[0] = register;
            var result = _device.WriteRead(new SpanByte(_register), new SpanByte(_value));
            value = _value[0];
            return result.Status == I2cTransferStatus.FullTransfer;
        }
    }
}
