using System.Device.I2c;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// Every I2C device the board talks to, opened once and kept for the life of the program. On the ESP32, disposing
    /// (or letting the collector finalise) any one <see cref="I2cDevice"/> deletes the driver of its whole bus, cutting
    /// off every other device on it (nf-interpreter, targets/ESP32/_nanoCLR/System.Device.I2c, NativeDispose), so no
    /// device here is ever released, and sensors behind different multiplexer channels share one device per address.
    /// </summary>
    internal sealed class I2cDevices
    {
        private const int AddressCount = 128;
        private readonly I2cDevice[] _devices = new I2cDevice[2 * AddressCount];

        /// <summary>The device at 7-bit <paramref name="address"/> on contract bus <paramref name="bus"/> (0 or 1).</summary>
        public I2cDevice Get(int bus, int address)
        {
            var index = (bus * AddressCount) + address;
            if (_devices[index] == null)
            {
                _devices[index] = I2cDevice.Create(Board.I2cSettings(bus, address));
            }

            return _devices[index];
        }
    }
}
