using System;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// <see cref="IMqttTransport"/> over nanoFramework.M2Mqtt, MQTT 3.1.1, with TLS 1.2 when the config file holds a
    /// CA certificate. Each connect makes a new
    /// <see cref="MqttClient"/>: its constructor resolves the broker's name, so a broker that moved is found again, and
    /// events of an earlier client (whose message ids restart from 1) are told apart by their sender and ignored.
    /// </summary>
    internal sealed class M2MqttTransport : IMqttTransport
    {
        private const ushort KeepAliveS = 60;
        private readonly string _host;
        private readonly int _port;
        private readonly string _user;
        private readonly string _password;
        private readonly X509Certificate _caCertificate;
        private readonly MqttQoSLevel[] _subscribeQos = new[] { MqttQoSLevel.AtLeastOnce };
        private MqttClient _client;
        private IMqttListener _listener;

        /// <summary>A transport to the broker named in <paramref name="config"/>, over TLS when it has a CA certificate.</summary>
        public M2MqttTransport(BoardConfig config)
        {
            _host = config.BrokerHost;
            _port = config.BrokerPort;
            _user = config.MqttUsername;
            _password = config.MqttPassword;
            _caCertificate = config.CaPem == null ? null : new X509Certificate(config.CaPem);
        }

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                var client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <inheritdoc/>
        public long AckTimeoutMs => Publisher.DefaultAckTimeoutMs;

        /// <inheritdoc/>
        public bool Connect(string clientId, string willTopic, byte[] willPayload, IMqttListener listener)
        {
            Close();
            try
            {
                _listener = listener;
                var client = _caCertificate == null
                    ? new MqttClient(_host, _port, false, null, null, MqttSslProtocols.None)
                    : new MqttClient(_host, _port, true, _caCertificate, null, MqttSslProtocols.TLSv1_2);
                client.MqttMsgPublished += OnPublished;
                client.MqttMsgPublishReceived += OnReceived;
                _client = client;
                var will = Encoding.UTF8.GetString(willPayload, 0, willPayload.Length);
                var code = client.Connect(
                    clientId, _user, _password, true, MqttQoSLevel.AtLeastOnce, true, willTopic, will, true, KeepAliveS);
                if (code == MqttReasonCode.Success)
                {
                    return true;
                }
            }
            catch (Exception)
            {
                // DNS, socket, CONNACK timeout: all mean "not connected"; the core retries with backoff.
            }

            Close();
            return false;
        }

        /// <inheritdoc/>
        public bool Subscribe(string topicFilter)
        {
            try
            {
                var client = _client;
                if (client == null || !client.IsConnected)
                {
                    return false;
                }

                client.Subscribe(new[] { topicFilter }, _subscribeQos);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc/>
        public int Publish(string topic, byte[] payload, bool retain)
        {
            try
            {
                var client = _client;
                if (client == null || !client.IsConnected)
                {
                    return 0;
                }

                return client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, retain);
            }
            catch (Exception)
            {
                return 0;
            }
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            var client = _client;
            if (client == null)
            {
                return;
            }

            try
            {
                // A DISCONNECT packet makes the broker discard the last will (MQTT 3.1.1, 3.14).
                client.Disconnect();
            }
            catch (Exception)
            {
                // The connection is gone either way.
            }

            Close();
        }

        private void Close()
        {
            var client = _client;
            _client = null;
            if (client == null)
            {
                return;
            }

            client.MqttMsgPublished -= OnPublished;
            client.MqttMsgPublishReceived -= OnReceived;
            try
            {
                client.Close();
            }
            catch (Exception)
            {
                // Close is best effort in M2Mqtt too.
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            // IsPublished is false when M2Mqtt gave up after its retries: not an acknowledgement.
            if (sender == _client && e.IsPublished)
            {
                _listener.OnPublishAcknowledged(e.MessageId);
            }
        }

        private void OnReceived(object sender, MqttMsgPublishEventArgs e)
        {
            if (sender == _client)
            {
                _listener.OnMessage(e.Topic, e.Message, e.Retain);
            }
        }
    }
}
