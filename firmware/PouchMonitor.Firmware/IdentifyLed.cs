using System;
using System.Device.Gpio;
using System.Threading;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// The LED on <see cref="Board.IdentifyLedPin"/>: blinks steadily at 2 Hz so a person can find the board, or flashes
    /// a count and pauses to say the board cannot start (<see cref="FlashCount"/>).
    /// </summary>
    internal sealed class IdentifyLed
    {
        private const int HalfPeriodMs = 250;
        private const int FlashMs = 150;
        private const int PatternMs = 2000;
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

        /// <summary>
        /// Flashes <paramref name="count"/> short times, then stays dark until 2 s have passed; blocks the calling
        /// thread for those 2 s. Repeated, it reads as "count flashes, pause", unlike the even blinking of identify.
        /// </summary>
        public void FlashCount(int count)
        {
            for (var i = 0; i < count; i++)
            {
                _pin.Write(PinValue.High);
                Thread.Sleep(FlashMs);
                _pin.Write(PinValue.Low);
                Thread.Sleep(FlashMs);
            }

            Thread.Sleep(PatternMs - (count * 2 * FlashMs));
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
