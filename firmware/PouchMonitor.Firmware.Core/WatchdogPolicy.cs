namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Decides when a device is truly hung: its main loop has not started a tick for three sampling intervals plus
    /// <see cref="BlockingAllowanceMs"/>. A lost network, broker or sensor never counts (the loop keeps ticking and
    /// buffering), so the device does not reboot in a loop while Wi-Fi is down.
    /// </summary>
    /// <remarks>Thread-safe: the device layer asks <see cref="IsHung"/> from its own watchdog thread.</remarks>
    public sealed class WatchdogPolicy
    {
        /// <summary>Time one tick may legitimately block (a transport connect timeout, 16 sensors' retries), in ms.</summary>
        public const long BlockingAllowanceMs = 180000;

        private readonly object _sync = new object();
        private long _lastTickMs;
        private long _limitMs = BlockingAllowanceMs;

        /// <summary>Records that the main loop started a tick at <paramref name="nowMs"/> with the given sampling interval.</summary>
        public void Kick(long nowMs, int intervalS)
        {
            lock (_sync)
            {
                _lastTickMs = nowMs;
                _limitMs = (3000L * intervalS) + BlockingAllowanceMs;
            }
        }

        /// <summary>True when no tick has started for longer than the limit; the device layer should then reboot.</summary>
        public bool IsHung(long nowMs)
        {
            lock (_sync)
            {
                return nowMs - _lastTickMs > _limitMs;
            }
        }
    }
}
