namespace PouchMonitor.Firmware.Core
{
    /// <summary>The <c>"cmd"</c> of a command.</summary>
    public enum CommandKind
    {
        /// <summary><c>set-interval</c>: new sampling interval, optionally a new publish interval.</summary>
        SetInterval,

        /// <summary><c>identify</c>: blink the LED.</summary>
        Identify,

        /// <summary><c>reboot</c>: say goodbye and restart.</summary>
        Reboot,

        /// <summary><c>report-config</c>: publish the configuration.</summary>
        ReportConfig,
    }
}
