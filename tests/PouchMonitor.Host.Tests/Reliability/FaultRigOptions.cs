using PouchMonitor.Host.Tests.Mqtt;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>What a <see cref="FaultRig"/> runs: sizes, clock, broker, mirror, and where the host keeps its data.</summary>
internal sealed record FaultRigOptions
{
    public required string DataFolder { get; init; }

    public string Broker { get; init; } = TestBroker.Embedded;

    public bool Mirror { get; init; }

    public int Boards { get; init; } = 2;

    public int SensorsPerBoard { get; init; } = 2;

    /// <summary>Sampling and publish interval of the boards, in s.</summary>
    public int IntervalS { get; init; } = 300;

    /// <summary>Rig seconds per real second.</summary>
    public double Speed { get; init; } = 3600;

    /// <summary>
    /// How far the boards' clocks (the rig's) start ahead of the host's; negative: behind. By default 2 days behind, as
    /// the accelerated clock then stays in the past of the host's and of VictoriaMetrics' (which drops future samples).
    /// </summary>
    public TimeSpan BoardClockAhead { get; init; } = -TimeSpan.FromDays(2);
}
