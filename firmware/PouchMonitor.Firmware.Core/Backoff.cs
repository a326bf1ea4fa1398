using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Reconnect delays: exponential from 1 s to 5 min with "equal jitter" (a delay is uniform in the upper half of
    /// its ceiling), so a lab full of boards does not reconnect in lockstep after the broker restarts.
    /// </summary>
    public sealed class Backoff
    {
        /// <summary>Ceiling of the first delay, in ms.</summary>
        public const int InitialDelayMs = 1000;

        /// <summary>Largest ceiling, in ms.</summary>
        public const int MaxDelayMs = 300000;

        private readonly Random _random;
        private int _ceilingMs = InitialDelayMs;

        /// <summary>Draws jitter from <paramref name="random"/>.</summary>
        public Backoff(Random random)
        {
            _random = random ?? throw new ArgumentNullException(nameof(random));
        }

        /// <summary>The delay before the next attempt, in ms; each call doubles the ceiling up to <see cref="MaxDelayMs"/>.</summary>
        public int NextDelayMs()
        {
            var half = _ceilingMs / 2;
            var delayMs = half + _random.Next(_ceilingMs - half + 1);
            _ceilingMs = _ceilingMs > MaxDelayMs / 2 ? MaxDelayMs : _ceilingMs * 2;
            return delayMs;
        }

        /// <summary>Starts again from the first delay (after a successful connection).</summary>
        public void Reset() => _ceilingMs = InitialDelayMs;
    }
}
