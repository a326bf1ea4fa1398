using System;
using System.Device.I2c;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// A TI TCA9548A I2C switch at <see cref="Board.MultiplexerAddress"/>: its control register has one bit per
    /// downstream channel (datasheet SCPS207, "Control Register"), so selecting channel n is writing 1 &lt;&lt; n.
    /// </summary>
    internal sealed class Tca9548a
    {
        private readonly I2cDevice _device;
        private readonly byte[] _control = new byte[1];

        /// <summary>The multiplexer on contract bus <paramref name="bus"/>.</summary>
        public Tca9548a(I2cDevices devices, int bus)
        {
            _device = devices.Get(bus, Board.MultiplexerAddress);
        }

        /// <summary>Connects only <paramref name="channel"/> (0–7) downstream; false when the switch did not acknowledge.</summary>
        public bool TrySelect(int channel)
        {
            _control[0] = (byte)(1 << channel);
            return _device.Write(new SpanByte(_control)).Status == I2cTransferStatus.FullTransfer;
        }
    }
}
