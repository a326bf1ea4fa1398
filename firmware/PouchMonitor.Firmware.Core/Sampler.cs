using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Reads every sensor once per interval, stamps each reading (boot, per-boot sequence number, uptime, UTC once
    /// synced) and stores the sample in the ring. Slots are kept on the interval grid; a tick that comes later than a
    /// whole interval skips the slots it missed instead of sampling in a burst.
    /// </summary>
    public sealed class Sampler
    {
        private readonly SensorChannel[] _sensors;
        private readonly Reading[] _readings;
        private readonly IDeviceClock _clock;
        private readonly ReadingRing _ring;
        private readonly uint _boot;
        private long _intervalMs;
        private long _lastSampleMs;

        /// <summary>Creates a sampler whose first sample is due at once.</summary>
        public Sampler(SensorChannel[] sensors, IDeviceClock clock, ReadingRing ring, uint boot, int intervalS)
        {
            _sensors = sensors ?? throw new ArgumentNullException(nameof(sensors));
            _clock = clock;
            _ring = ring;
            _boot = boot;
            _readings = new Reading[sensors.Length];
            for (var i = 0; i < _readings.Length; i++)
            {
                _readings[i] = new Reading();
            }

            _intervalMs = intervalS * 1000L;
            NextSampleMs = clock.UptimeMs;
            _lastSampleMs = NextSampleMs - _intervalMs;
        }

        /// <summary>Uptime at which the next sample is due, in ms.</summary>
        public long NextSampleMs { get; private set; }

        /// <summary>Sequence number the next reading gets.</summary>
        public uint NextSequence { get; private set; }

        /// <summary>Changes the interval; the next sample is one new interval after the last one.</summary>
        public void SetInterval(int intervalS)
        {
            _intervalMs = intervalS * 1000L;
            NextSampleMs = _lastSampleMs + _intervalMs;
        }

        /// <summary>Takes a sample when one is due.</summary>
        public void SampleIfDue(long nowMs)
        {
            if (nowMs < NextSampleMs)
            {
                return;
            }

            // Scheduled before the sensors and the storage are touched, so that a failing one cannot make every tick retry.
            _lastSampleMs = NextSampleMs;
            NextSampleMs += _intervalMs;
            if (NextSampleMs <= nowMs)
            {
                _lastSampleMs = nowMs;
                NextSampleMs = nowMs + _intervalMs;
            }

            for (var i = 0; i < _sensors.Length; i++)
            {
                var reading = _readings[i];
                _sensors[i].Read(reading);
                reading.Boot = _boot;
                reading.Sequence = NextSequence++;
                reading.UptimeMs = _clock.UptimeMs;
                long utcMs;
                reading.IsTimeSynced = TimeSync.IsSynced(_clock, out utcMs);
                reading.UtcMs = reading.IsTimeSynced ? utcMs : 0;
            }

            _ring.Append(_readings, _readings.Length);
        }
    }
}
