using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Store-and-forward buffer of readings: a ring of fixed-size records in persistent storage, oldest first, that
    /// survives a reboot. Readings leave only when the broker acknowledged them (<see cref="Pin"/>, then
    /// <see cref="ReleasePinned"/>); when full, the oldest are dropped and counted in <see cref="Dropped"/>.
    /// </summary>
    /// <remarks>
    /// The records live in flash, not in RAM: 24 h of 4 sensors at 60 s is 5 760 records (184 KiB), more than the
    /// managed heap of an ESP32 without PSRAM. RAM holds the indices and one sample's worth of record bytes.
    /// </remarks>
    public sealed class ReadingRing
    {
        /// <summary>Bytes per stored reading.</summary>
        public const int RecordBytes = 32;

        private const int HeaderPayloadBytes = 24;
        private const uint Magic = 0x31524D50; // "PMR1"
        private const int SyncedFlag = 0x80;

        private readonly IStorageRegion _region;
        private readonly DualSlotBlock _header;
        private readonly byte[] _headerBytes = new byte[HeaderPayloadBytes];
        private readonly byte[] _records;
        private int _head;

        /// <summary>Lays the ring over a region; call <see cref="Open"/> before use.</summary>
        /// <param name="region">Storage of at least <see cref="RequiredBytes"/>(1) bytes; all of it is used.</param>
        /// <param name="maxAppend">Most readings one <see cref="Append"/> call stores (the number of sensors).</param>
        public ReadingRing(IStorageRegion region, int maxAppend)
        {
            _region = region ?? throw new ArgumentNullException(nameof(region));
            Capacity = (region.Length - DualSlotBlock.RequiredBytes(HeaderPayloadBytes)) / RecordBytes;
            if (Capacity < 1 || maxAppend < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(region));
            }

            _header = new DualSlotBlock(region, 0, HeaderPayloadBytes);
            _records = new byte[maxAppend * RecordBytes];
        }

        /// <summary>Readings the ring holds when full.</summary>
        public int Capacity { get; }

        /// <summary>Readings stored and not yet acknowledged, including pinned ones.</summary>
        public int Count { get; private set; }

        /// <summary>The oldest readings that are in flight, waiting for the broker's acknowledgement.</summary>
        public int Pinned { get; private set; }

        /// <summary>Readings dropped on overflow since the ring was created (pinned ones included).</summary>
        public long Dropped { get; private set; }

        /// <summary>Storage bytes a ring of <paramref name="capacity"/> readings needs.</summary>
        public static int RequiredBytes(int capacity) => DualSlotBlock.RequiredBytes(HeaderPayloadBytes) + (capacity * RecordBytes);

        /// <summary>Loads the ring from storage, or starts an empty one when storage holds no intact ring of this capacity.</summary>
        public void Open()
        {
            Pinned = 0;
            if (_header.TryLoad(_headerBytes)
                && (uint)LittleEndian.Read(_headerBytes, 0, 4) == Magic
                && LittleEndian.Read(_headerBytes, 4, 4) == Capacity)
            {
                _head = (int)LittleEndian.Read(_headerBytes, 8, 4);
                Count = (int)LittleEndian.Read(_headerBytes, 12, 4);
                Dropped = LittleEndian.Read(_headerBytes, 16, 8);
                if (_head < Capacity && Count <= Capacity)
                {
                    return;
                }
            }

            _head = 0;
            Count = 0;
            Dropped = 0;
            SaveHeader();
        }

        /// <summary>Stores readings after the newest, dropping the oldest when full.</summary>
        public void Append(Reading[] readings, int count)
        {
            if (count < 0 || count > Capacity || count * RecordBytes > _records.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (count == 0)
            {
                return;
            }

            for (var i = 0; i < count; i++)
            {
                Encode(readings[i], _records, i * RecordBytes);
            }

            var overflow = Count + count - Capacity;
            if (overflow > 0)
            {
                _head = (_head + overflow) % Capacity;
                Count -= overflow;
                Dropped += overflow;
                Pinned = Pinned > overflow ? Pinned - overflow : 0;
            }

            var tail = (_head + Count) % Capacity;
            var first = count < Capacity - tail ? count : Capacity - tail;
            _region.Write(RecordOffset(tail), _records, 0, first * RecordBytes);
            if (first < count)
            {
                _region.Write(RecordOffset(0), _records, first * RecordBytes, (count - first) * RecordBytes);
            }

            Count += count;
            SaveHeader();
        }

        /// <summary>Reads the reading <paramref name="index"/> places after the oldest into <paramref name="reading"/>.</summary>
        public void Peek(int index, Reading reading)
        {
            if (index < 0 || index >= Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            _region.Read(RecordOffset((_head + index) % Capacity), _records, 0, RecordBytes);
            Decode(_records, 0, reading);
        }

        /// <summary>Marks the <paramref name="count"/> oldest readings as in flight.</summary>
        public void Pin(int count)
        {
            if (count < 0 || count > Count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            Pinned = count;
        }

        /// <summary>Removes the in-flight readings: the broker has them.</summary>
        public void ReleasePinned()
        {
            if (Pinned == 0)
            {
                return;
            }

            _head = (_head + Pinned) % Capacity;
            Count -= Pinned;
            Pinned = 0;
            SaveHeader();
        }

        /// <summary>Keeps the in-flight readings for a later attempt (the connection was lost before the acknowledgement).</summary>
        public void Unpin() => Pinned = 0;

        private int RecordOffset(int slot) => DualSlotBlock.RequiredBytes(HeaderPayloadBytes) + (slot * RecordBytes);

        private void SaveHeader()
        {
            LittleEndian.Write(_headerBytes, 0, Magic, 4);
            LittleEndian.Write(_headerBytes, 4, Capacity, 4);
            LittleEndian.Write(_headerBytes, 8, _head, 4);
            LittleEndian.Write(_headerBytes, 12, Count, 4);
            LittleEndian.Write(_headerBytes, 16, Dropped, 8);
            _header.Save(_headerBytes);
        }

        private static void Encode(Reading reading, byte[] buffer, int offset)
        {
            LittleEndian.Write(buffer, offset, reading.Boot, 4);
            LittleEndian.Write(buffer, offset + 4, reading.Sequence, 4);
            LittleEndian.Write(buffer, offset + 8, reading.UptimeMs, 8);
            LittleEndian.Write(buffer, offset + 16, reading.IsTimeSynced ? reading.UtcMs : 0, 8);
            LittleEndian.Write(buffer, offset + 24, reading.PressureCentiPa, 4);
            LittleEndian.Write(buffer, offset + 28, reading.TemperatureCentiC, 2);
            buffer[offset + 30] = (byte)reading.SensorIndex;
            buffer[offset + 31] = (byte)((int)reading.Fault | (reading.IsTimeSynced ? SyncedFlag : 0));
        }

        private static void Decode(byte[] buffer, int offset, Reading reading)
        {
            reading.Boot = (uint)LittleEndian.Read(buffer, offset, 4);
            reading.Sequence = (uint)LittleEndian.Read(buffer, offset + 4, 4);
            reading.UptimeMs = LittleEndian.Read(buffer, offset + 8, 8);
            reading.UtcMs = LittleEndian.Read(buffer, offset + 16, 8);
            reading.PressureCentiPa = (int)LittleEndian.Read(buffer, offset + 24, 4);
            reading.TemperatureCentiC = (short)LittleEndian.Read(buffer, offset + 28, 2);
            reading.SensorIndex = buffer[offset + 30];
            reading.Fault = (SensorFault)(buffer[offset + 31] & 0x0F);
            reading.IsTimeSynced = (buffer[offset + 31] & SyncedFlag) != 0;
        }
    }
}
