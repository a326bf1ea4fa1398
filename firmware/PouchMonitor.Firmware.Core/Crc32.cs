namespace PouchMonitor.Firmware.Core
{
    /// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bitwise to keep no 1 KiB table in RAM.</summary>
    public static class Crc32
    {
        /// <summary>CRC-32 of <paramref name="count"/> bytes from <paramref name="offset"/>; "123456789" gives 0xCBF43926.</summary>
        public static uint Compute(byte[] buffer, int offset, int count)
        {
            var crc = 0xFFFFFFFFu;
            for (var i = offset; i < offset + count; i++)
            {
                crc ^= buffer[i];
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
