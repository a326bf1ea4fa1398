using PouchMonitor.Analysis;
using PouchMonitor.Simulator;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// One generated 14-day run at 10 s through the real calculator: a simulated vessel in a rippling oven read by a
/// realistic sensor (3-min lag, 0.3 K offset, drift, 0.005 K noise in 0.01 K steps, 0.2 Pa noise: there is no chip
/// filter here), computed with <paramref name="Settings"/>. The baseline starts at <paramref name="BaselineAt"/>, a
/// ripple phase after the sensor has settled (the same for a vessel and its blank).
/// </summary>
internal sealed record RealisticRun(
    VesselKind Kind, double GasVolumeMl, TimeSpan RipplePeriod, GompertzKinetics Kinetics, TimeSpan? LeakFrom, int Seed, TimeSpan BaselineAt, ExperimentSettings Settings)
{
    public const double LeakMlStdPerDay = 0.5;

    /// <summary>When every run starts (the vessels are sealed then).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private const double SlurryMassG = 1.1;
    private const double OvenSetpointC = 50;

    // Air's N₂ and O₂ per its N₂ + O₂ + Ar (78.084, 20.946, 0.934 %), so that the analysis's air (N₂ + O₂ + Ar from N₂) is 100 − H₂.
    private const double AirN2Fraction = 78.084 / 99.964, AirO2Fraction = 20.946 / 99.964;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Length = TimeSpan.FromDays(14) + TimeSpan.FromHours(2);

    /// <summary>GC samples (<see cref="SeedExperiment.GcSampleMlStd"/> each) at these times since the start.</summary>
    public IReadOnlyList<TimeSpan> GcAt { get; init; } = [];

    /// <summary>Headspace: vented to <see cref="Rig.SealPressurePa"/> whenever its true pressure passes this, in Pa (null: never).</summary>
    public double? VentAbovePa { get; init; }

    /// <summary>The vessel's description for the calculator (what an experiment file would say).</summary>
    public PouchSpec Spec => new("V", "s", SlurryMassG, null, null, Kind == VesselKind.Headspace
        ? Vessel.Headspace(GasVolumeMl)
        : Vessel.PouchInJar(GasVolumeMl, NewVessel().InitialPouchGasMl));

    /// <summary>Simulates the run, then computes it as convert would from its files.</summary>
    public RunOutcome Execute()
    {
        var (readings, events, gc) = Simulate();
        var spec = Spec;
        var calculator = new PouchGasCalculator(spec, Settings, events, new GasCompositionTimeline(gc, RunOutcome.OtherGases));
        var points = new List<GasPoint>();
        foreach (var reading in readings)
        {
            calculator.Add(reading, points);
        }

        calculator.Complete(points);
        var kinetics = NewVessel();
        var baselineAt = Start + BaselineAt;
        var truth = points.Select(p => (kinetics.EvolvedMlStd(p.Time - Start) - kinetics.EvolvedMlStd(BaselineAt)) / SlurryMassG).ToList();
        return new RunOutcome(spec, points, truth, readings.First(r => r.Time >= baselineAt).Time, events, gc);
    }

    private SimulatedVessel NewVessel() =>
        new(Kind, GasVolumeMl, SlurryMassG, Kinetics, Rig.TrappedAirMlStdPerG, Rig.SealPressurePa, OvenSetpointC);

    // The sensor's readings from the baseline time on; events a second after the reading they follow.
    private (List<PressureReading> Readings, List<VesselEvent> Events, List<GcResult> Gc) Simulate()
    {
        var oven = new OvenProfile(OvenSetpointC, 0.25, RipplePeriod);
        var vessel = NewVessel();
        var sensor = new SensorResponse(SensorModel.Realistic with { PressureNoisePa = 0.2 }, oven, Seed);
        var samples = new Queue<TimeSpan>(GcAt.Order());
        var (readings, events, gc) = (new List<PressureReading>(), new List<VesselEvent>(), new List<GcResult>());
        for (var t = TimeSpan.Zero; t <= Length; t += Interval)
        {
            if (LeakFrom is { } from && t >= from)
            {
                vessel.LeakMlStdPerHour = LeakMlStdPerDay / 24;
            }

            double gasC = oven.TemperatureC(t), truePa = vessel.PressurePa(t, gasC);
            double pressurePa = sensor.PressurePa(t, truePa), temperatureC = sensor.TemperatureC(t);
            if (t >= BaselineAt)
            {
                readings.Add(new PressureReading(Start + t, pressurePa, temperatureC));
            }

            var eventTime = Start + t + TimeSpan.FromSeconds(1);
            while (samples.Count > 0 && samples.Peek() <= t)
            {
                samples.Dequeue();
                double h2Percent = vessel.TakeSample(t, SeedExperiment.GcSampleMlStd), airPercent = 100 - h2Percent;
                events.Add(new VesselEvent(eventTime, VesselEventKind.Sample));
                gc.Add(new GcResult(eventTime, h2Percent, new Dictionary<string, double>
                {
                    ["n2_percent"] = airPercent * AirN2Fraction,
                    ["o2_percent"] = airPercent * AirO2Fraction,
                }));
            }

            if (VentAbovePa is { } ventPa && truePa > ventPa && t > BaselineAt)
            {
                vessel.Vent(t, gasC, Rig.SealPressurePa);
                events.Add(new VesselEvent(eventTime, VesselEventKind.Vent));
            }
        }

        return (readings, events, gc);
    }
}
