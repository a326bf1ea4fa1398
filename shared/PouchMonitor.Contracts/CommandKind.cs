namespace PouchMonitor.Contracts;

/// <summary>The <c>"cmd"</c> of a command sent to <c>pouchmon/v1/{deviceId}/cmd</c>.</summary>
public enum CommandKind
{
    /// <summary><c>set-interval</c>: set the sampling interval (<c>intervalS</c>) and optionally <c>publishIntervalS</c>; stored on flash.</summary>
    SetInterval,

    /// <summary><c>identify</c>: blink the board's LED for <c>durationS</c> seconds.</summary>
    Identify,

    /// <summary><c>reboot</c>: publish an offline status and restart.</summary>
    Reboot,

    /// <summary><c>report-config</c>: publish the configuration on the config topic.</summary>
    ReportConfig,
}
