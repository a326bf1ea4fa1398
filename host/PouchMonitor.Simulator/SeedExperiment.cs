using PouchMonitor.Analysis;

namespace PouchMonitor.Simulator;

/// <summary>
/// The seed experiment (docs/seed-experiment.md) as a rig: mSi and mSi@NHC-700-5/-10/-20, 1.1 g slurry each in a
/// pouch in a jar, a 50 °C oven for 14 days, GC samples on day 3 and day 13. Bare mSi follows our Gompertz fit to the
/// paper's points (not the paper's own curve); the coated samples make under 0.1 mL g⁻¹.
/// </summary>
public static class SeedExperiment
{
    /// <summary>Experiment name at the host.</summary>
    public const string Name = "seed-replay";

    /// <summary>Slurry per pouch, in g.</summary>
    public const double SlurryMassG = 1.1;

    /// <summary>Gas volume of each jar outside its pouch, in mL: large enough that bare mSi stays far below the sensor's 110 kPa.</summary>
    public const double JarGasVolumeMl = 600;

    /// <summary>Dry gas a GC syringe takes (100 µL, a usual GC-TCD injection), in mL at standard conditions.</summary>
    public const double GcSampleMlStd = 0.1;

    /// <summary>
    /// Sampling interval of the boards, in s. Each forced-mode read waits the chip's measurement time (about 50 ms)
    /// in real time inside the driver, 6 simulated minutes at the default speed: 10 minutes leaves room for it.
    /// </summary>
    public const int IntervalS = 600;

    /// <summary>Longest time a reading waits on a board before it is published, in s.</summary>
    public const int PublishIntervalS = 1800;

    /// <summary>
    /// The host's settle time after a GC sample, in minutes: the sensor's IIR filter (coefficient 4) passes 1/4 of a
    /// step per sample, so 6 samples later 82 % of it is through (0.02 mL of the 0.1 mL sample missing). Waiting longer
    /// costs more: the host misses the gas made during the wait (0.09 mL g⁻¹ per hour at bare mSi's peak rate).
    /// </summary>
    public const int EventSettleMinutes = 60;

    /// <summary>Length of the run: 14 days and the hour the last readings need to reach the host.</summary>
    public static TimeSpan Duration { get; } = TimeSpan.FromDays(14) + TimeSpan.FromHours(1);

    /// <summary>Days of the GC samples.</summary>
    public static IReadOnlyList<double> GcDays { get; } = [3, 13];

    /// <summary>Our Gompertz fit to bare mSi: 10.2 mL g⁻¹, 2.02 mL g⁻¹ day⁻¹, lag 1.27 days.</summary>
    public static GompertzKinetics BareSilicon { get; } = new(10.2, 2.02, 1.27);

    /// <summary>The pouches, one board each (a board reads its sensors one after the other, each read taking real time).</summary>
    public static IReadOnlyList<RigPouchSpec> Pouches { get; } =
    [
        Pouch("P1", "mSi", "esp32-rig-a", BareSilicon),
        Pouch("P2", "mSi@NHC-700-5", "esp32-rig-b", new GompertzKinetics(0.09, 0.03, 2)),
        Pouch("P3", "mSi@NHC-700-10", "esp32-rig-c", new GompertzKinetics(0.06, 0.02, 2)),
        Pouch("P4", "mSi@NHC-700-20", "esp32-rig-d", new GompertzKinetics(0.03, 0.01, 2)),
    ];

    /// <summary>
    /// The seed experiment as a lab runs it: bare mSi in triplicate (plateaus 10.1, 10.3 and 10.5 mL g⁻¹: 10.0, 10.2 and
    /// 10.4 at day 14, the paper's 10.2 ± 0.2), the three coated samples, and a blank: a jar with 1.1 g of water and no
    /// silicon. Replicates share a group.
    /// </summary>
    public static IReadOnlyList<RigPouchSpec> ReplicatePouches { get; } =
    [
        Pouch("P1", "mSi", "esp32-rig-a", BareSilicon with { MaxMlStdPerG = 10.1 }, "mSi"),
        Pouch("P2", "mSi", "esp32-rig-b", BareSilicon with { MaxMlStdPerG = 10.3 }, "mSi"),
        Pouch("P3", "mSi", "esp32-rig-c", BareSilicon with { MaxMlStdPerG = 10.5 }, "mSi"),
        Pouch("P4", "mSi@NHC-700-5", "esp32-rig-d", new GompertzKinetics(0.09, 0.03, 2)),
        Pouch("P5", "mSi@NHC-700-10", "esp32-rig-e", new GompertzKinetics(0.06, 0.02, 2)),
        Pouch("P6", "mSi@NHC-700-20", "esp32-rig-f", new GompertzKinetics(0.03, 0.01, 2)),
        Pouch("B1", BlankSample, "esp32-rig-g", new GompertzKinetics(0, 1, 0), "blank") with { IsBlank = true },
    ];

    /// <summary>Sample name of the blank vessel (water, no silicon).</summary>
    public const string BlankSample = "blank (water)";

    /// <summary>The oven: 50 °C ± 0.2 °C ripple, the door open for 2 minutes at each GC sample.</summary>
    public static OvenProfile Oven() => new(50, 0.2, TimeSpan.FromMinutes(30), DoorOpenings());

    /// <summary>A real oven: 50 °C ± 0.25 °C ripple of 45 min period, the door open for 2 minutes at each GC sample.</summary>
    public static OvenProfile RealisticOven() => new(50, 0.25, TimeSpan.FromMinutes(45), DoorOpenings());

    private static DoorOpening[] DoorOpenings() =>
        [.. GcDays.Select(day => new DoorOpening(TimeSpan.FromDays(day) - TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), 1.0))];

    /// <summary>
    /// The GC samples of every pouch, one action per GC day, posted to the host through <paramref name="api"/>. All the
    /// day's samples leave their vessels before the first post, each taken and dated at its scheduled rig time however
    /// late a busy machine runs the action: the door openings are scheduled on that time too, and a sample that waited
    /// for the posts before it could still be in its vessel when the host's settle time ends (at ×8000 the 60-min
    /// settle time is 0.45 s).
    /// </summary>
    public static IEnumerable<RigAction> GcSamples(Rig rig, HostApiClient api)
    {
        ArgumentNullException.ThrowIfNull(rig);
        return GcDays.Select(day => new RigAction(TimeSpan.FromDays(day), $"GC samples on day {day}", async ct =>
        {
            var at = TimeSpan.FromDays(day);
            var samples = rig.Pouches.Select(pouch => (pouch.Spec.Id, H2Percent: pouch.Vessel.TakeSample(at, GcSampleMlStd))).ToList();
            foreach (var (pouchId, h2Percent) in samples)
            {
                await api.PostSampleAsync(Name, pouchId, rig.StartedAt + at, h2Percent, ct).ConfigureAwait(false);
            }
        }));
    }

    private static RigPouchSpec Pouch(string id, string sample, string deviceId, GompertzKinetics kinetics, string? group = null) =>
        new(id, sample, deviceId, 0, VesselKind.PouchInJar, JarGasVolumeMl, SlurryMassG, kinetics, group);
}
