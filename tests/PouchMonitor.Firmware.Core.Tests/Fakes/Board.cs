using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware.Core.Tests.Fakes;

/// <summary>A firmware core on fake parts; <see cref="Reboot"/> starts a new core on the same flash, as a reboot does.</summary>
internal sealed class Board
{
    public const string DeviceId = "esp32-3c71bf";

    /// <summary>The Wi-Fi MAC whose last three bytes make <see cref="DeviceId"/>.</summary>
    public static readonly byte[] Mac = [0x24, 0x0a, 0xc4, 0x3c, 0x71, 0xbf];

    public Board(int sensors = 4, int bufferCapacity = 5760, int expectedPublishes = 64)
    {
        Sensors = Enumerable.Range(0, sensors).Select(i => new FakeSensorPort(i)).ToArray();
        BufferFlash = new FakeFlash(ReadingRing.RequiredBytes(bufferCapacity));
        Transport = new FakeTransport(expectedPublishes);
        Core = Boot();
    }

    public FakeSensorPort[] Sensors { get; }

    public FakeFlash BufferFlash { get; }

    public FakeFlash StateFlash { get; } = new(StateStore.RequiredBytes);

    public FakeTransport Transport { get; }

    public FakeClock Clock { get; private set; } = new();

    public FakePlatform Platform { get; private set; } = new();

    public FirmwareCore Core { get; private set; }

    /// <summary>
    /// Ticks until <paramref name="ms"/> of uptime have passed (the last tick before the end), sleeping what the core
    /// asks for; stops early when the core reboots the board, as a real reboot would.
    /// </summary>
    public void Run(long ms)
    {
        var end = Clock.UptimeMs + ms;
        while (Clock.UptimeMs < end && Platform.Reboots == 0)
        {
            var sleepMs = Core.Tick();
            Clock.Advance(Math.Clamp(sleepMs, 1, end - Clock.UptimeMs));
        }
    }

    /// <summary>Starts a new core on the same flash, with the reset reason the hardware reports.</summary>
    public void Reboot(string resetReason = "software")
    {
        Clock = new FakeClock();
        Platform = new FakePlatform { ResetReason = resetReason };
        Transport.Disconnect();
        Core = Boot();
    }

    private FirmwareCore Boot()
    {
        var core = new FirmwareCore(DeviceId, Sensors, BufferFlash, StateFlash, Transport, Clock, Platform, new Random(42), Mac);
        core.Start();
        return core;
    }
}
