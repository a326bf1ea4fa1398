namespace PouchMonitor.Firmware.Core
{
    /// <summary>Little-endian integers in byte arrays, without allocating (BitConverter.GetBytes allocates).</summary>
    public static class LittleEndian
    {
        /// <summary>Writes the low <paramref name="size"/> bytes of <paramref name="value"/> at <paramref name="offset"/>.</summary>
        public static void Write(byte[] buffer, int offset, long value, int size)
        {
            for (var i = 0; i < size; i++)
            {
                buffer[offset + i] = (byte)(value >> (8 * i));
            }
        }

        /// <summary>Reads <paramref name="size"/> bytes at <paramref name="offset"/> as an unsigned number (size 8: two's complement).</summary>
        public static long Read(byte[] buffer, int offset, int size)
        {
            long value = 0;
            for (var i = 0; i < size; i++)
            {
                value |= (long)buffer[offset + i] << (8 * i);
            }

            return value;
        }
    }
}
