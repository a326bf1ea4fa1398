using System.Text;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>
/// A virtual ESP32: the firmware core's own code with its sensors, flash, clock and MQTT transport, ticked by a thread
/// of its own on the rig's accelerated clock. A reboot is a new core on the same flash, as on the device.
/// </summary>
public sealed class VirtualBoard : IDisposable
{
    /// <summary>Readings the board's flash buffer holds (per board, all sensors).</summary>
    public const int BufferCapacity = 8192;

    private readonly AcceleratedTimeProvider _time;
    private readonly SimulatedFlash _bufferFlash = new(ReadingRing.RequiredBytes(BufferCapacity));
    private readonly SimulatedFlash _stateFlash = new(StateStore.RequiredBytes);
    private readonly BoardPlatform _platform = new();
    private readonly BoardClock _clock;
    private readonly Lock _sync = new();
    private readonly Dictionary<uint, uint> _earlierBoots = [];
    private volatile bool _rebootRequested;
    private FirmwareCore _core;
    private Thread? _thread;
    private volatile bool _stopping;

    /// <summary>
    /// A board <paramref name="deviceId"/> with <paramref name="sensors"/> (in increasing sensor index) sending through
    /// <paramref name="transport"/>; its flash is provisioned with the sampling and publish intervals.
    /// </summary>
    public VirtualBoard(string deviceId, IReadOnlyList<VirtualSensor> sensors, IMqttTransport transport,
        AcceleratedTimeProvider time, int intervalS, int publishIntervalS)
    {
        DeviceId = deviceId;
        Sensors = sensors;
        Wifi = new WifiTransport(transport);
        _time = time;
        _clock = new BoardClock(time);
        var provisioning = new StateStore(_stateFlash);
        provisioning.StartBoot();
        provisioning.Settings.IntervalS = intervalS;
        provisioning.Settings.PublishIntervalS = publishIntervalS;
        provisioning.SaveSettings();
        _core = NewCore();
    }

    /// <summary>The device id (its MQTT username on the embedded broker).</summary>
    public string DeviceId { get; }

    /// <summary>Its sensors.</summary>
    public IReadOnlyList<VirtualSensor> Sensors { get; }

    /// <summary>Its Wi-Fi link: set <see cref="WifiTransport.LinkUp"/> false for an outage.</summary>
    public WifiTransport Wifi { get; }

    /// <summary>The board's clocks: set <see cref="BoardClock.UtcOffset"/> to step its UTC.</summary>
    public BoardClock Clock => _clock;

    /// <summary>Boot counter of the running firmware.</summary>
    public uint Boot
    {
        get { lock (_sync) { return _core.Boot; } }
    }

    /// <summary>Sequence number the next reading gets.</summary>
    public uint NextSequence
    {
        get { lock (_sync) { return _core.NextSequence; } }
    }

    /// <summary>Readings made in each boot so far (boot counter to count; sequence numbers run from 0 to count − 1).</summary>
    public IReadOnlyDictionary<uint, uint> ReadingsByBoot
    {
        get
        {
            lock (_sync)
            {
                return new Dictionary<uint, uint>(_earlierBoots) { [_core.Boot] = _core.NextSequence };
            }
        }
    }

    /// <summary>Readings waiting in the flash buffer.</summary>
    public int Buffered
    {
        get { lock (_sync) { return _core.Ring.Count; } }
    }

    /// <summary>
    /// Readings the broker acknowledged so far, over all boots: those made and no longer in the flash buffer, less
    /// those the full buffer dropped.
    /// </summary>
    public long Acknowledged
    {
        get
        {
            lock (_sync)
            {
                return _earlierBoots.Values.Sum(n => (long)n) + _core.NextSequence - _core.Ring.Count - _core.Ring.Dropped;
            }
        }
    }

    /// <summary>Starts the firmware and its main loop.</summary>
    public void Start()
    {
        _core.Start();
        _thread = new Thread(Loop) { IsBackground = true, Name = DeviceId };
        _thread.Start();
    }

    /// <summary>Power-cycles the board (a crash, not a commanded reboot): RAM is lost, flash stays.</summary>
    public void Reboot() => _rebootRequested = true;

    /// <summary>Stops the main loop and closes the connection without the last will; idempotent.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _thread?.Join();
        Wifi.Disconnect();
        foreach (var sensor in Sensors)
        {
            sensor.Port.Dispose();
        }
    }

    private void Loop()
    {
        while (!_stopping)
        {
            int sleepMs;
            lock (_sync)
            {
                sleepMs = _core.Tick();
                if (_platform.TakeRebootRequest() || _rebootRequested)
                {
                    Restart();
                }
            }

            // At least 1 ms of real time, so a fast clock does not turn the loop into a busy wait.
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(_time.ToReal(TimeSpan.FromMilliseconds(sleepMs)).TotalMilliseconds, 1)));
        }
    }

    private void Restart()
    {
        _platform.ResetReason = _rebootRequested ? "power-on" : "software";
        _rebootRequested = false;
        _earlierBoots[_core.Boot] = _core.NextSequence;
        Wifi.Disconnect();
        _clock.Reboot();
        _core = NewCore();
        _core.Start();
    }

    // A virtual board has no MAC; its id, unique in the rig, stands in for one.
    private FirmwareCore NewCore() => new(
        DeviceId, [.. Sensors.Select(s => (ISensorPort)s.Port)], _bufferFlash, _stateFlash, Wifi, _clock, _platform,
        new Random(), Encoding.ASCII.GetBytes(DeviceId));
}
