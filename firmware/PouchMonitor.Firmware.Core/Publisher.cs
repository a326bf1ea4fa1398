using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Sends the ring's readings oldest first, one batch of one boot at a time, and releases a batch only when the
    /// broker acknowledged it; a batch not acknowledged is sent again (the host drops repeats by boot and sequence).
    /// </summary>
    public sealed class Publisher
    {
        /// <summary>Time the broker has to acknowledge a batch before the connection is considered dead, in ms, on the device.</summary>
        public const long DefaultAckTimeoutMs = 30000;

        private readonly ReadingRing _ring;
        private readonly MessageEncoder _encoder;
        private readonly IMqttTransport _transport;
        private readonly string _topic;
        private readonly Reading _scratch = new Reading();
        private int _messageId;
        private long _sentMs;
        private long _lastPublishMs = long.MinValue / 2;

        /// <summary>Publishes the readings of <paramref name="ring"/> to <paramref name="topic"/>.</summary>
        public Publisher(ReadingRing ring, MessageEncoder encoder, IMqttTransport transport, string topic)
        {
            _ring = ring ?? throw new ArgumentNullException(nameof(ring));
            _encoder = encoder;
            _transport = transport;
            _topic = topic;
        }

        /// <summary>True while a batch waits for its acknowledgement.</summary>
        public bool InFlight => _messageId != 0;

        /// <summary>Releases the batch in flight when <paramref name="messageId"/> is its acknowledgement.</summary>
        public void OnAcknowledged(int messageId)
        {
            if (messageId != 0 && messageId == _messageId)
            {
                _ring.ReleasePinned();
                _messageId = 0;
            }
        }

        /// <summary>Forgets the batch in flight; its readings stay in the ring and go again on the next connection.</summary>
        public void OnConnectionLost()
        {
            _ring.Unpin();
            _messageId = 0;
        }

        /// <summary>True when the batch in flight has waited longer than the transport's <see cref="IMqttTransport.AckTimeoutMs"/>.</summary>
        public bool IsAckOverdue(long nowMs) => InFlight && nowMs - _sentMs > _transport.AckTimeoutMs;

        /// <summary>
        /// Uptime at which pending readings are due for publishing, in ms: at once for a full batch or a batch closed by
        /// a later boot's readings, otherwise one publish interval after the last publish; long.MaxValue when the ring is
        /// empty or a batch is in flight.
        /// </summary>
        public long DueMs(long publishIntervalMs)
        {
            var pending = _ring.Count;
            if (InFlight || pending == 0)
            {
                return long.MaxValue;
            }

            if (pending >= ContractLimits.MaxBatchReadings || BootOf(0) != BootOf(pending - 1))
            {
                return long.MinValue;
            }

            return _lastPublishMs + publishIntervalMs;
        }

        /// <summary>Publishes the next batch when one is due; true when it sent one.</summary>
        public bool PublishIfDue(long nowMs, long publishIntervalMs)
        {
            if (nowMs < DueMs(publishIntervalMs))
            {
                return false;
            }

            var count = EncodeBatch();
            var messageId = _transport.Publish(_topic, _encoder.EndBatch(), false);
            _lastPublishMs = nowMs;
            if (messageId == 0)
            {
                return false;
            }

            _ring.Pin(count);
            _messageId = messageId;
            _sentMs = nowMs;
            return true;
        }

        private int EncodeBatch()
        {
            var max = _ring.Count < ContractLimits.MaxBatchReadings ? _ring.Count : ContractLimits.MaxBatchReadings;
            _ring.Peek(0, _scratch);
            var boot = _scratch.Boot;
            _encoder.BeginBatch(boot);
            var count = 0;
            while (true)
            {
                _encoder.AddReading(_scratch);
                if (++count == max)
                {
                    return count;
                }

                _ring.Peek(count, _scratch);
                if (_scratch.Boot != boot)
                {
                    return count;
                }
            }
        }

        private uint BootOf(int index)
        {
            _ring.Peek(index, _scratch);
            return _scratch.Boot;
        }
    }
}
