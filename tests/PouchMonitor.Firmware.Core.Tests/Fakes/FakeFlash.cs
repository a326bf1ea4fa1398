using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware.Core.Tests.Fakes;

/// <summary>
/// Flash in a byte array that outlives the core using it (a reboot is a new core on the same FakeFlash). Erased bytes
/// read 0xFF, as on NOR flash. A power cut can be armed to stop writing after a number of bytes.
/// </summary>
internal sealed class FakeFlash(int length) : IStorageRegion
{
    private readonly byte[] _bytes = Enumerable.Repeat((byte)0xFF, length).ToArray();
    private long _bytesUntilPowerCut = long.MaxValue;

    public int Length => _bytes.Length;

    public void Read(int offset, byte[] buffer, int index, int count) => Array.Copy(_bytes, offset, buffer, index, count);

    public void Write(int offset, byte[] buffer, int index, int count)
    {
        if (count > _bytesUntilPowerCut)
        {
            Array.Copy(buffer, index, _bytes, offset, _bytesUntilPowerCut);
            _bytesUntilPowerCut = long.MaxValue;
            throw new IOException("power cut");
        }

        _bytesUntilPowerCut -= count;
        Array.Copy(buffer, index, _bytes, offset, count);
    }

    /// <summary>Writes stop, with an exception, once <paramref name="bytes"/> more bytes have been written.</summary>
    public void CutPowerAfter(int bytes) => _bytesUntilPowerCut = bytes;

    /// <summary>Flips the bits of the byte at <paramref name="offset"/>, as a worn or disturbed flash cell would.</summary>
    public void Corrupt(int offset) => _bytes[offset] ^= 0xFF;

    /// <summary>A flash of another size holding this one's bytes (as far as they fit).</summary>
    public FakeFlash Resized(int newLength)
    {
        var copy = new FakeFlash(newLength);
        Array.Copy(_bytes, copy._bytes, Math.Min(newLength, _bytes.Length));
        return copy;
    }
}
