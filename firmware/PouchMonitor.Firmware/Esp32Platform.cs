using nanoFramework.Runtime.Native;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware
{
    /// <summary><see cref="IDevicePlatform"/> of the ESP32-DevKitC: memory, Wi-Fi signal, reset reason, LED, restart.</summary>
    internal sealed class Esp32Platform : IDevicePlatform
    {
        private readonly WifiSignal _wifi;
        private readonly IdentifyLed _led;

        /// <summary>A platform that reports <paramref name="resetReason"/> (from <see cref="RebootMarker.Take"/>).</summary>
        public Esp32Platform(WifiSignal wifi, IdentifyLed led, string resetReason)
        {
            _wifi = wifi;
            _led = led;
            ResetReason = resetReason;
        }

        /// <summary>Free managed heap after a collection without compaction (nanoFramework.Runtime.Native GC.Run).</summary>
        public long FreeMemoryBytes => nanoFramework.Runtime.Native.GC.Run(false);

        /// <inheritdoc/>
        public int WifiRssiDbm => _wifi.RssiDbm;

        /// <inheritdoc/>
        public string ResetReason { get; }

        /// <inheritdoc/>
        public void Identify(int durationS) => _led.Blink(durationS);

        /// <inheritdoc/>
        public void Reboot()
        {
            RebootMarker.Write(RebootMarker.Software);
            Power.RebootDevice();
        }
    }
}
