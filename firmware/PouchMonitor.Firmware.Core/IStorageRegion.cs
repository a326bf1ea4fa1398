namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// A fixed-size region of persistent storage (a pre-sized file on <c>I:\</c> on the device, a byte array in tests).
    /// Bytes never written read back as anything: the core checks every block it stores with a CRC.
    /// </summary>
    public interface IStorageRegion
    {
        /// <summary>Size of the region in bytes.</summary>
        int Length { get; }

        /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/> into <paramref name="buffer"/>.</summary>
        void Read(int offset, byte[] buffer, int index, int count);

        /// <summary>Writes <paramref name="count"/> bytes at <paramref name="offset"/>; durable when it returns.</summary>
        void Write(int offset, byte[] buffer, int index, int count);
    }
}
