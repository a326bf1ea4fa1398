using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// A small block kept in two copies, each with a generation number and a CRC, so that a power cut in the middle of a
    /// write leaves the previous copy readable and a copy corrupted later leaves the other one.
    /// </summary>
    public sealed class DualSlotBlock
    {
        private const int TrailerBytes = 8;
        private readonly IStorageRegion _region;
        private readonly int _offset;
        private readonly int _payloadBytes;
        private readonly byte[] _slot;
        private uint _generation;
        private int _nextSlot;

        /// <summary>Places the block at <paramref name="offset"/> of <paramref name="region"/>.</summary>
        public DualSlotBlock(IStorageRegion region, int offset, int payloadBytes)
        {
            _region = region ?? throw new ArgumentNullException(nameof(region));
            if (offset < 0 || payloadBytes < 1 || offset + RequiredBytes(payloadBytes) > region.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadBytes));
            }

            _offset = offset;
            _payloadBytes = payloadBytes;
            _slot = new byte[payloadBytes + TrailerBytes];
        }

        /// <summary>Bytes of storage a block with <paramref name="payloadBytes"/> of payload takes.</summary>
        public static int RequiredBytes(int payloadBytes) => 2 * (payloadBytes + TrailerBytes);

        /// <summary>Reads the newest intact copy into <paramref name="payload"/>; false when neither copy is intact.</summary>
        public bool TryLoad(byte[] payload)
        {
            var found = false;
            for (var slot = 0; slot < 2; slot++)
            {
                _region.Read(SlotOffset(slot), _slot, 0, _slot.Length);
                var generation = (uint)LittleEndian.Read(_slot, _payloadBytes, 4);
                var crc = (uint)LittleEndian.Read(_slot, _payloadBytes + 4, 4);
                if (crc == Crc32.Compute(_slot, 0, _payloadBytes + 4) && (!found || generation > _generation))
                {
                    found = true;
                    _generation = generation;
                    _nextSlot = 1 - slot;
                    Array.Copy(_slot, payload, _payloadBytes);
                }
            }

            return found;
        }

        /// <summary>
        /// Writes <paramref name="payload"/> into both copies, the older first. A power cut during the first write
        /// leaves the previous payload in the other copy; after both writes, either copy alone holds the new payload, so
        /// one that is later corrupted costs nothing (a released reading is not sent again, a boot number not reused).
        /// </summary>
        public void Save(byte[] payload)
        {
            Array.Copy(payload, _slot, _payloadBytes);
            WriteNextSlot();
            WriteNextSlot();
        }

        private void WriteNextSlot()
        {
            _generation++;
            LittleEndian.Write(_slot, _payloadBytes, _generation, 4);
            LittleEndian.Write(_slot, _payloadBytes + 4, Crc32.Compute(_slot, 0, _payloadBytes + 4), 4);
            _region.Write(SlotOffset(_nextSlot), _slot, 0, _slot.Length);
            _nextSlot = 1 - _nextSlot;
        }

        private int SlotOffset(int slot) => _offset + (slot * (_payloadBytes + TrailerBytes));
    }
}
