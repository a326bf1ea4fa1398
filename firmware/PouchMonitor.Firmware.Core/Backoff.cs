using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Reconnect delays: exponential from 1 s to 5 min with "equal jitter" (a delay is uniform in the upper half of
    /// its ceiling), so a lab full of boards does not reconnect in lockstep after the broker restarts.
    /// </summary>
    /// <remarks>
    /// The jitter is the draw of a <see cref="Random"/> shifted, within the same window, by a hash of the board's MAC.
    /// On ESP32 <see cref="Random"/> ignores its seed (it draws from the hardware RNG), and where it is deterministic
    /// (the same seed, or a runtime without a hardware RNG) the MAC still tells the boards apart; a shift modulo the
    /// window keeps a uniform draw uniform.
    /// </remarks>
    public sealed class Backoff
    {
        /// <summary>Ceiling of the first delay, in ms.</summary>
        public const int InitialDelayMs = 1000;

        /// <summary>Largest ceiling, in ms.</summary>
        public const int MaxDelayMs = 300000;

        private readonly Random _random;
        private readonly uint _boardShiftMs;
        private int _ceilingMs = InitialDelayMs;

        /// <summary>Draws jitter from <paramref name="random"/>, shifted per board by a hash of <paramref name="macAddress"/>.</summary>
        public Backoff(Random random, byte[] macAddress)
        {
            _random = random ?? throw new ArgumentNullException(nameof(random));
            if (macAddress == null || macAddress.Length == 0)
            {
                throw new ArgumentException("a MAC address is needed", nameof(macAddress));
            }

            _boardShiftMs = Crc32.Compute(macAddress, 0, macAddress.Length);
        }

        /// <summary>The delay before the next attempt, in ms; each call doubles the ceiling up to <see cref="MaxDelayMs"/>.</summary>
        public int NextDelayMs()
        {
            var half = _ceilingMs / 2;
            var windowMs = _ceilingMs - half + 1;
            var jitterMs = (int)(((uint)_random.Next(windowMs) + (_boardShiftMs % (uint)windowMs)) % (uint)windowMs);
            _ceilingMs = _ceilingMs > MaxDelayMs / 2 ? MaxDelayMs : _ceilingMs * 2;
            return half + jitterMs;
        }

        /// <summary>Starts again from the first delay (after a successful connection).</summary>
        public void Reset() => _ceilingMs = InitialDelayMs;
    }
}
