namespace PouchMonitor.Firmware.Core
{
    /// <summary>What <see cref="MqttSession.Maintain"/> changed.</summary>
    public enum SessionChange
    {
        /// <summary>Nothing.</summary>
        None,

        /// <summary>A new connection is up and subscribed: send the birth message.</summary>
        Connected,

        /// <summary>The connection was lost: whatever was in flight must be sent again.</summary>
        Lost,
    }
}
