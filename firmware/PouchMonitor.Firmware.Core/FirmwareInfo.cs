namespace PouchMonitor.Firmware.Core
{
    /// <summary>Identity of this firmware build.</summary>
    public static class FirmwareInfo
    {
        /// <summary>Firmware version reported in status and config messages.</summary>
        public const string Version = "1.0.0";
    }
}
