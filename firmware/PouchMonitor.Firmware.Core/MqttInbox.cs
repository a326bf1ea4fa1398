namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Collects what the transport reports from its own threads (acknowledgements, commands) until the main loop's
    /// next tick takes it; fixed-size, so a flood cannot exhaust memory. Retained commands are ignored.
    /// </summary>
    public sealed class MqttInbox : IMqttListener
    {
        private readonly object _sync = new object();
        private readonly string _commandTopic;
        private readonly int[] _acks = new int[8];
        private readonly byte[][] _commands = new byte[4][];
        private int _ackCount;
        private int _commandCount;

        /// <summary>Accepts commands only on <paramref name="commandTopic"/>.</summary>
        public MqttInbox(string commandTopic)
        {
            _commandTopic = commandTopic;
        }

        /// <inheritdoc/>
        public void OnPublishAcknowledged(int messageId)
        {
            lock (_sync)
            {
                if (_ackCount < _acks.Length)
                {
                    _acks[_ackCount++] = messageId;
                }
            }
        }

        /// <inheritdoc/>
        public void OnMessage(string topic, byte[] payload, bool retained)
        {
            if (retained || topic != _commandTopic)
            {
                return;
            }

            lock (_sync)
            {
                if (_commandCount < _commands.Length)
                {
                    _commands[_commandCount++] = payload;
                }
            }
        }

        /// <summary>Takes the oldest acknowledgement; false when there is none.</summary>
        public bool TryTakeAck(out int messageId)
        {
            lock (_sync)
            {
                messageId = 0;
                if (_ackCount == 0)
                {
                    return false;
                }

                messageId = _acks[0];
                _ackCount--;
                System.Array.Copy(_acks, 1, _acks, 0, _ackCount);
                return true;
            }
        }

        /// <summary>Takes the oldest command payload; null when there is none.</summary>
        public byte[] TakeCommand()
        {
            lock (_sync)
            {
                if (_commandCount == 0)
                {
                    return null;
                }

                var payload = _commands[0];
                _commandCount--;
                System.Array.Copy(_commands, 1, _commands, 0, _commandCount);
                _commands[_commandCount] = null;
                return payload;
            }
        }

        /// <summary>Forgets acknowledgements of a closed connection.</summary>
        public void ClearAcks()
        {
            lock (_sync)
            {
                _ackCount = 0;
            }
        }
    }
}
