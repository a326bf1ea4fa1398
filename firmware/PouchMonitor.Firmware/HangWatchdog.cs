using System.Threading;
using nanoFramework.Runtime.Native;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// Restarts the board when the core says its main loop is hung (<see cref="FirmwareCore.IsHung"/>, whose policy
    /// never counts a lost network or sensor). A software watchdog on its own timer thread: it catches a blocked or
    /// dead main loop, not a hang of the nanoFramework runtime itself, for which nanoFramework offers managed code no
    /// hardware watchdog.
    /// </summary>
    internal sealed class HangWatchdog
    {
        private const int CheckPeriodMs = 10000;
        private readonly FirmwareCore _core;
        private Timer _timer;

        /// <summary>Watches <paramref name="core"/>.</summary>
        public HangWatchdog(FirmwareCore core)
        {
            _core = core;
        }

        /// <summary>Starts checking every 10 s.</summary>
        public void Start() => _timer = new Timer(Check, null, CheckPeriodMs, CheckPeriodMs);

        private void Check(object state)
        {
            if (_core.IsHung())
            {
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
                RebootMarker.Write(RebootMarker.Watchdog);
                Power.RebootDevice();
            }
        }
    }
}
