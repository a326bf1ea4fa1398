using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>Where a sensor index is wired: bus, address, optional TCA9548A channel, expected chip.</summary>
    public sealed class SensorSlot
    {
        /// <summary>Value of <see cref="MuxChannel"/> for a sensor wired without a multiplexer.</summary>
        public const int NoMux = -1;

        /// <summary>Describes a slot.</summary>
        /// <param name="sensorIndex">Sensor index used in readings, 0–15.</param>
        /// <param name="bus">I2C bus number, 0 or 1.</param>
        /// <param name="address">7-bit I2C address, 0x76 or 0x77.</param>
        /// <param name="muxChannel">TCA9548A channel 0–7, or <see cref="NoMux"/>.</param>
        /// <param name="chip">The chip expected at the address.</param>
        /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
        public SensorSlot(int sensorIndex, int bus, int address, int muxChannel, SensorChip chip)
        {
            if (sensorIndex < 0 || sensorIndex > ContractLimits.MaxSensorIndex)
            {
                throw new ArgumentOutOfRangeException(nameof(sensorIndex));
            }

            if (bus < 0 || bus > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(bus));
            }

            if (address != 0x76 && address != 0x77)
            {
                throw new ArgumentOutOfRangeException(nameof(address));
            }

            if (muxChannel < NoMux || muxChannel > 7)
            {
                throw new ArgumentOutOfRangeException(nameof(muxChannel));
            }

            SensorIndex = sensorIndex;
            Bus = bus;
            Address = address;
            MuxChannel = muxChannel;
            Chip = chip;
        }

        /// <summary>Sensor index used in readings, 0–15.</summary>
        public int SensorIndex { get; }

        /// <summary>I2C bus number, 0 or 1.</summary>
        public int Bus { get; }

        /// <summary>7-bit I2C address, 0x76 or 0x77.</summary>
        public int Address { get; }

        /// <summary>TCA9548A channel 0–7, or <see cref="NoMux"/>.</summary>
        public int MuxChannel { get; }

        /// <summary>The chip expected at the address.</summary>
        public SensorChip Chip { get; }
    }
}
