namespace PouchMonitor.Firmware.Core
{
    /// <summary>What a transport reports back to the core; may be called from any thread.</summary>
    public interface IMqttListener
    {
        /// <summary>The broker acknowledged (PUBACK) the QoS 1 publish that returned <paramref name="messageId"/>.</summary>
        void OnPublishAcknowledged(int messageId);

        /// <summary>A message arrived on a subscribed topic.</summary>
        void OnMessage(string topic, byte[] payload, bool retained);
    }
}
