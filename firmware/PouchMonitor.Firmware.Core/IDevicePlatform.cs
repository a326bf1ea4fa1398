namespace PouchMonitor.Firmware.Core
{
    /// <summary>Board health and actions, implemented by the device layer.</summary>
    public interface IDevicePlatform
    {
        /// <summary>Free managed memory, in bytes.</summary>
        long FreeMemoryBytes { get; }

        /// <summary>Wi-Fi signal strength in dBm (−127 when not associated).</summary>
        int WifiRssiDbm { get; }

        /// <summary>
        /// Why the board last started, as reported by the hardware: <c>power-on</c>, <c>watchdog</c>, <c>brownout</c>,
        /// <c>panic</c>, <c>software</c> or <c>unknown</c> (lower-case letters, digits and '-').
        /// </summary>
        string ResetReason { get; }

        /// <summary>Starts blinking the board's LED for <paramref name="durationS"/> seconds and returns at once.</summary>
        void Identify(int durationS);

        /// <summary>Restarts the board; does not return.</summary>
        void Reboot();
    }
}
