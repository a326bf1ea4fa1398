using PouchMonitor.Simulator;

namespace PouchMonitor.Host.Demo;

/// <summary>What a <see cref="DemoSession"/> runs: the rig's pouches and oven, the clock's speed, and where the host keeps its data.</summary>
public sealed record DemoSettings
{
    /// <summary>The pouches of the rig.</summary>
    public IReadOnlyList<RigPouchSpec> Pouches { get; init; } = SeedExperiment.Pouches;

    /// <summary>Makes the oven (a new one per session: faults change it).</summary>
    public Func<OvenProfile> Oven { get; init; } = SeedExperiment.Oven;

    /// <summary>How the rig's sensors depart from the gas (default: ideal).</summary>
    public SensorModel Sensor { get; init; } = SensorModel.Ideal;

    /// <summary>Simulated seconds per real second.</summary>
    public required double Speed { get; init; }

    /// <summary>Folder of the host's SQLite store and the generated experiment file.</summary>
    public required string DataFolder { get; init; }

    /// <summary>First port tried for the web app; the next free one is taken when it is busy.</summary>
    public int PreferredHttpPort { get; init; } = 5080;

    /// <summary>First port tried for the embedded broker.</summary>
    public int PreferredMqttPort { get; init; } = 1883;

    /// <summary>Experiment name at the host.</summary>
    public string Experiment { get; init; } = SeedExperiment.Name;

    /// <summary>Sampling interval the boards are provisioned with, in s.</summary>
    public int IntervalS { get; init; } = SeedExperiment.IntervalS;

    /// <summary>Publish interval the boards are provisioned with, in s.</summary>
    public int PublishIntervalS { get; init; } = SeedExperiment.PublishIntervalS;

    /// <summary>The host's settle time after a GC sample or vent, in minutes.</summary>
    public int EventSettleMinutes { get; init; } = SeedExperiment.EventSettleMinutes;

    /// <summary>
    /// What <c>pouchmon demo</c> runs: the seed experiment with replicates and a blank, in a real oven (ripple, sensor
    /// lag, offsets, drift, quantised temperature), with a 3-min lag, the bad end of 1–3 min. The experiment file asks
    /// for the recommended refinements (<see cref="Rig.ExperimentJson"/>): window baselines and event values, the
    /// pre-event trend across settle times, H₂ by evolved share and the blank jar subtracted.
    /// </summary>
    public static DemoSettings SeedReplay(double speed, string dataFolder) => new()
    {
        Pouches = SeedExperiment.ReplicatePouches,
        Oven = SeedExperiment.RealisticOven,
        Sensor = SensorModel.Realistic,
        Speed = speed,
        DataFolder = dataFolder,
    };

    /// <summary>Longest wait, after the boards stop, for the host to store what the broker acknowledged to them.</summary>
    public TimeSpan StoreTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Extra host configuration, as <c>--Section:Key=value</c>.</summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];
}
