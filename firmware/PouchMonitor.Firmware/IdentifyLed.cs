using System;
using System.Device.Gpio;
using System.Threading;

namespace PouchMonitor.Firmware
{
    /// <summary>Blinks the LED on <see cref="Board.IdentifyLedPin"/> at 2 Hz so a person can find the board.</summary>
    internal sealed class IdentifyLed
    {
        private const int HalfPeriodMs = 250;
        private readonly object _sync = new object();
        private readonly GpioPin _pin;
        private readonly Timer _timer;
        private long _stopAtMs;

        /// <summary>Opens the LED pin, LED off.</summary>
        public IdentifyLed(GpioController gpio)
        {
            _pin = gpio.OpenPin(Board.IdentifyLedPin, PinMode.Output);
            _pin.Write(PinValue.Low);
            _timer = new Timer(OnTick, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>Blinks for <paramref name="durationS"/> seconds from now; returns at once.</summary>
        public void Blink(int durationS)
        {
            lock (_sync)
            {
                _stopAtMs = Environment.TickCount64 + (durationS * 1000L);
                _timer.Change(0, HalfPeriodMs);
            }
        }

        private void OnTick(object state)
        {
            lock (_sync)
            {
                if (Environment.TickCount64 < _stopAtMs)
                {
                    _pin.Toggle();
                    return;
                }

                _pin.Write(PinValue.Low);
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }
    }
}
