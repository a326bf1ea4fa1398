using System.Device.I2c;
using nanoFramework.Hardware.Esp32;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// Every pin and bus setting of the board, in one place. The wiring they describe is in hardware/README.md.
    /// </summary>
    internal static class Board
    {
        /// <summary>Bus 0 SDA (nanoFramework I2C1).</summary>
        public const int Bus0DataPin = 21;

        /// <summary>Bus 0 SCL (nanoFramework I2C1).</summary>
        public const int Bus0ClockPin = 22;

        /// <summary>Bus 1 SDA (nanoFramework I2C2).</summary>
        public const int Bus1DataPin = 33;

        /// <summary>Bus 1 SCL (nanoFramework I2C2).</summary>
        public const int Bus1ClockPin = 32;

        /// <summary>The identify LED, through 330 Ω to GND: the DevKitC V4 has no user LED of its own.</summary>
        public const int IdentifyLedPin = 25;

        /// <summary>7-bit address of a TCA9548A multiplexer (A2..A0 to GND); 0x76/0x77 would clash with the sensors.</summary>
        public const int MultiplexerAddress = 0x70;

        /// <summary>Standard mode, 100 kHz: the only speed the up-to-2 m sensor cables allow (hardware/README.md).</summary>
        public const I2cBusSpeed BusSpeed = I2cBusSpeed.StandardMode;

        /// <summary>
        /// The sensor map: where each sensor index is wired, in increasing index. Edit it to match the board; the device
        /// reports it in its config message. A sensor behind a TCA9548A names its channel instead of
        /// <see cref="SensorSlot.NoMux"/>, for example <c>new SensorSlot(4, 0, 0x76, 2, SensorChip.Bmp280)</c> for
        /// a BMP280 at 0x76 on channel 2 of the multiplexer on bus 0.
        /// </summary>
        public static SensorSlot[] Sensors() => new[]
        {
            new SensorSlot(0, 0, 0x76, SensorSlot.NoMux, SensorChip.Bme280),
            new SensorSlot(1, 0, 0x77, SensorSlot.NoMux, SensorChip.Bme280),
            new SensorSlot(2, 1, 0x76, SensorSlot.NoMux, SensorChip.Bme280),
            new SensorSlot(3, 1, 0x77, SensorSlot.NoMux, SensorChip.Bme280),
        };

        /// <summary>Routes the I2C peripherals to their pins; call once, before any I2C device is opened.</summary>
        public static void ConfigurePins()
        {
            Configuration.SetPinFunction(Bus0DataPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(Bus0ClockPin, DeviceFunction.I2C1_CLOCK);
            Configuration.SetPinFunction(Bus1DataPin, DeviceFunction.I2C2_DATA);
            Configuration.SetPinFunction(Bus1ClockPin, DeviceFunction.I2C2_CLOCK);
        }

        /// <summary>The nanoFramework bus id (1 = I2C1, 2 = I2C2) of the contract's bus number 0 or 1.</summary>
        public static int I2cBusId(int bus) => bus + 1;

        /// <summary>Connection settings for the device at <paramref name="address"/> on contract bus <paramref name="bus"/>.</summary>
        public static I2cConnectionSettings I2cSettings(int bus, int address) =>
            new I2cConnectionSettings(I2cBusId(bus), address, BusSpeed);
    }
}
