using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>
/// A virtual board's flash: bytes in memory that outlive the firmware core using them, so a reboot (a new core on the
/// same flash) finds its boot counter, settings and unsent readings. Erased bytes read 0xFF, as on NOR flash.
/// </summary>
public sealed class SimulatedFlash(int length) : IStorageRegion
{
    private readonly byte[] _bytes = Enumerable.Repeat((byte)0xFF, length).ToArray();

    /// <inheritdoc/>
    public int Length => _bytes.Length;

    /// <inheritdoc/>
    public void Read(int offset, byte[] buffer, int index, int count) => Array.Copy(_bytes, offset, buffer, index, count);

    /// <inheritdoc/>
    public void Write(int offset, byte[] buffer, int index, int count) => Array.Copy(buffer, index, _bytes, offset, count);
}
