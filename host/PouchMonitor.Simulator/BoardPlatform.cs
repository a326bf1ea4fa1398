using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>A virtual board's health and actions: a reboot is only requested here; the board's loop carries it out.</summary>
public sealed class BoardPlatform : IDevicePlatform
{
    private volatile bool _rebootRequested;

    /// <inheritdoc/>
    public long FreeMemoryBytes => 64_000;

    /// <inheritdoc/>
    public int WifiRssiDbm { get; set; } = -55;

    /// <inheritdoc/>
    public string ResetReason { get; set; } = "power-on";

    /// <summary>Seconds of the last identify command.</summary>
    public int IdentifiedForS { get; private set; }

    /// <inheritdoc/>
    public void Identify(int durationS) => IdentifiedForS = durationS;

    /// <inheritdoc/>
    public void Reboot() => _rebootRequested = true;

    /// <summary>True once, after the core asked for a reboot.</summary>
    public bool TakeRebootRequest()
    {
        var requested = _rebootRequested;
        _rebootRequested = false;
        return requested;
    }
}
