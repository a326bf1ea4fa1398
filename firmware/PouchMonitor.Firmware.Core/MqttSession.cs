using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Keeps the broker connection: connects with the <c>offline</c> last will, subscribes to the command topic, and
    /// after a failure or a loss waits a <see cref="Backoff"/> delay before the next attempt. With
    /// <see cref="WaitsForClock"/> it attempts nothing until the clock is set: a TLS handshake checks the broker
    /// certificate's validity dates, which a clock still in 1970 (before SNTP) fails.
    /// </summary>
    public sealed class MqttSession
    {
        /// <summary>How often a session that waits for the clock looks at it again, in ms.</summary>
        public const int ClockPollMs = 1000;

        private readonly IMqttTransport _transport;
        private readonly IDeviceClock _clock;
        private readonly MqttInbox _inbox;
        private readonly Backoff _backoff;
        private readonly string _clientId;
        private readonly string _willTopic;
        private readonly byte[] _willPayload;
        private readonly string _commandTopic;

        /// <summary>Creates a session that is down, with its first attempt due at once.</summary>
        public MqttSession(
            IMqttTransport transport,
            IDeviceClock clock,
            MqttInbox inbox,
            Backoff backoff,
            string clientId,
            string willTopic,
            byte[] willPayload,
            string commandTopic)
        {
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _inbox = inbox;
            _backoff = backoff;
            _clientId = clientId;
            _willTopic = willTopic;
            _willPayload = willPayload;
            _commandTopic = commandTopic;
        }

        /// <summary>
        /// True when no attempt may start before the clock is set (<see cref="TimeSync.IsSynced"/>): the transport
        /// checks a TLS certificate's dates. Attempts skipped for the clock do not grow the backoff.
        /// </summary>
        public bool WaitsForClock { get; set; }

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

            long utcMs;
            if (WaitsForClock && !TimeSync.IsSynced(_clock, out utcMs))
            {
                NextAttemptMs = nowMs + ClockPollMs;
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
