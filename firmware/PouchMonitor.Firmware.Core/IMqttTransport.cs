namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// An MQTT 3.1.1 client (M2Mqtt on the device, MQTTnet in the simulator). Broker address, credentials and TLS are
    /// the transport's own configuration. Every call may block for the transport's timeout; none may throw.
    /// </summary>
    public interface IMqttTransport
    {
        /// <summary>True while the connection is up.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// How long a QoS 1 publish may wait for the broker's acknowledgement before the connection counts as dead, in
        /// ms of the device clock: <see cref="Publisher.DefaultAckTimeoutMs"/> on the device; longer in the simulator,
        /// whose clock runs faster than the network.
        /// </summary>
        long AckTimeoutMs { get; }

        /// <summary>
        /// Connects with a clean session, keep-alive of the transport's choice, and a retained QoS 1 last will.
        /// </summary>
        /// <returns>True when the broker accepted the connection.</returns>
        bool Connect(string clientId, string willTopic, byte[] willPayload, IMqttListener listener);

        /// <summary>Subscribes with QoS 1; true when the request was sent.</summary>
        bool Subscribe(string topicFilter);

        /// <summary>
        /// Publishes with QoS 1. The transport keeps <paramref name="payload"/> and must not change it.
        /// </summary>
        /// <returns>The message id (1–65535) that <see cref="IMqttListener.OnPublishAcknowledged"/> will report, or 0 when not sent.</returns>
        int Publish(string topic, byte[] payload, bool retain);

        /// <summary>Closes the connection without sending the last will.</summary>
        void Disconnect();
    }
}
