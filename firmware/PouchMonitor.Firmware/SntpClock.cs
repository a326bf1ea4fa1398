using System;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// Uptime from the system timer, UTC from the system clock that SNTP sets (<see cref="WifiKeeper"/> starts it).
    /// </summary>
    internal sealed class SntpClock : IDeviceClock
    {
        // nanoFramework's own NetworkHelper treats a year before 2021 as "clock not set yet" (System.Net,
        // NetworkHelper/NetworkHelper.cs); the core checks the contract's 2020–2100 window on top.
        private const int FirstValidYear = 2021;

        /// <inheritdoc/>
        public long UptimeMs => Environment.TickCount64;

        /// <inheritdoc/>
        public bool TryGetUtcMs(out long utcMs)
        {
            var now = DateTime.UtcNow;
            if (now.Year < FirstValidYear)
            {
                utcMs = 0;
                return false;
            }

            utcMs = (now.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
            return true;
        }
    }
}
