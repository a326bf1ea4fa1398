using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware.Core.Tests.Fakes;

internal sealed class FakePlatform : IDevicePlatform
{
    public long FreeMemoryBytes { get; set; } = 81234;

    public int WifiRssiDbm { get; set; } = -61;

    public string ResetReason { get; set; } = "power-on";

    public List<int> Identifications { get; } = [];

    public int Reboots { get; private set; }

    public void Identify(int durationS) => Identifications.Add(durationS);

    public void Reboot() => Reboots++;
}
