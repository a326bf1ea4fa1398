using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Keeps the broker connection: connects with the <c>offline</c> last will, subscribes to the command topic, and
    /// after a failure or a loss waits a <see cref="Backoff"/> delay before the next attempt.
    /// </summary>
    public sealed class MqttSession
    {
        private readonly IMqttTransport _transport;
        private readonly MqttInbox _inbox;
        private readonly Backoff _backoff;
        private readonly string _clientId;
        private readonly string _willTopic;
        private readonly byte[] _willPayload;
        private readonly string _commandTopic;

        /// <summary>Creates a session that is down, with its first attempt due at once.</summary>
        public MqttSession(
            IMqttTransport transport,
            MqttInbox inbox,
            Backoff backoff,
            string clientId,
            string willTopic,
            byte[] willPayload,
            string commandTopic)
        {
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _inbox = inbox;
            _backoff = backoff;
            _clientId = clientId;
            _willTopic = willTopic;
            _willPayload = willPayload;
            _commandTopic = commandTopic;
        }

        /// <summary>True while the session considers the connection up.</summary>
        public bool IsUp { get; private set; }

        /// <summary>Uptime at which the next connection attempt is due, in ms (meaningful while down).</summary>
        public long NextAttemptMs { get; private set; }

        /// <summary>Connections made since boot (the first one included).</summary>
        public int Connections { get; private set; }

        /// <summary>Notices a lost connection, or makes a connection attempt when one is due.</summary>
        public SessionChange Maintain(long nowMs)
        {
            if (IsUp)
            {
                if (_transport.IsConnected)
                {
                    return SessionChange.None;
                }

                MarkDown(nowMs);
                return SessionChange.Lost;
            }

            if (nowMs < NextAttemptMs)
            {
                return SessionChange.None;
            }

            _inbox.ClearAcks();
            if (_transport.Connect(_clientId, _willTopic, _willPayload, _inbox) && _transport.Subscribe(_commandTopic))
            {
                IsUp = true;
                Connections++;
                _backoff.Reset();
                return SessionChange.Connected;
            }

            _transport.Disconnect();
            NextAttemptMs = nowMs + _backoff.NextDelayMs();
            return SessionChange.None;
        }

        /// <summary>Closes a connection that no longer delivers (an acknowledgement overdue) and reconnects after a backoff.</summary>
        public void Drop(long nowMs)
        {
            _transport.Disconnect();
            MarkDown(nowMs);
        }

        /// <summary>Closes the connection for good (before a reboot), without the last will.</summary>
        public void Close()
        {
            _transport.Disconnect();
            IsUp = false;
        }

        private void MarkDown(long nowMs)
        {
            IsUp = false;
            _inbox.ClearAcks();
            NextAttemptMs = nowMs + _backoff.NextDelayMs();
        }
    }
}
