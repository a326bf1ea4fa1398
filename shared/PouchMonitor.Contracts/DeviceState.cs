namespace PouchMonitor.Contracts;

/// <summary>The <c>"state"</c> of a status message.</summary>
public enum DeviceState
{
    /// <summary><c>online</c>: birth message and periodic health, retained.</summary>
    Online,

    /// <summary><c>offline</c>: the last will, or the device's own goodbye before a commanded reboot.</summary>
    Offline,
}
