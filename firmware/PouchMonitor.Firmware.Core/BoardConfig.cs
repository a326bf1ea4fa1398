namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// What a board needs to reach its broker, read from <c>I:\pouchmon.json</c> on its internal drive so one firmware
    /// image serves every board (docs/deploy.md); <see cref="BoardConfigParser"/> fills it.
    /// </summary>
    public sealed class BoardConfig
    {
        /// <summary>Time server used when the file names none.</summary>
        public const string DefaultNtpServer = "pool.ntp.org";

        /// <summary>The device id to use instead of the one made from the MAC; null when the file has none.</summary>
        public string DeviceId { get; set; }

        /// <summary>Wi-Fi network (1–32 characters).</summary>
        public string WifiSsid { get; set; }

        /// <summary>Wi-Fi password (empty for an open network, else 8–63 characters).</summary>
        public string WifiPassword { get; set; }

        /// <summary>Host name or IPv4 address of the broker.</summary>
        public string BrokerHost { get; set; }

        /// <summary>TCP port of the broker (1–65535).</summary>
        public int BrokerPort { get; set; }

        /// <summary>PEM of the CA that signed the broker's certificate; null for plain MQTT, otherwise TLS.</summary>
        public string CaPem { get; set; }

        /// <summary>The board's MQTT user name (the embedded broker wants the device id).</summary>
        public string MqttUsername { get; set; }

        /// <summary>The board's own MQTT password.</summary>
        public string MqttPassword { get; set; }

        /// <summary>Time server.</summary>
        public string NtpServer { get; set; } = DefaultNtpServer;
    }
}
