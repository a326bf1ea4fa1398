using PouchMonitor.Analysis;
using PouchMonitor.Simulator;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// One generated 14-day run at 10 s through the real calculator: a simulated vessel in a rippling oven read by a
/// realistic sensor (3-min lag, 0.3 K offset, drift, 0.005 K noise in 0.01 K steps, 0.2 Pa noise: there is no chip
/// filter here). The baseline is taken at a random ripple phase after the sensor has settled.
/// </summary>
internal sealed record RealisticRun(VesselKind Kind, double GasVolumeMl, TimeSpan RipplePeriod, GompertzKinetics Kinetics, TimeSpan? LeakFrom, int Seed)
{
    public const double LeakMlStdPerDay = 0.5;

    /// <summary>When every run starts (the vessels are sealed then).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private const double SlurryMassG = 1.1;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Length = TimeSpan.FromDays(14) + TimeSpan.FromHours(2);

    /// <summary>The calculator's points and the truth (evolved gas since the baseline, mL g⁻¹) at each.</summary>
    public (List<GasPoint> Points, List<double> TruthMlPerG, DateTimeOffset Baseline) Execute()
    {
        var random = new Random(Seed);
        var oven = new OvenProfile(50, 0.25, RipplePeriod);
        var vessel = new SimulatedVessel(Kind, GasVolumeMl, SlurryMassG, Kinetics, Rig.TrappedAirMlStdPerG, Rig.SealPressurePa, oven.SetpointC);
        var sensor = new SensorResponse(SensorModel.Realistic with { PressureNoisePa = 0.2 }, oven, Seed);
        var spec = new PouchSpec("V", "s", SlurryMassG, null, null, Kind == VesselKind.Headspace ? Vessel.Headspace(GasVolumeMl) : Vessel.PouchInJar(GasVolumeMl, vessel.InitialPouchGasMl));
        var calculator = new PouchGasCalculator(spec, ExperimentSettings.Default, [], new GasCompositionTimeline([], []));
        var start = Start;
        var baselineAt = TimeSpan.FromHours(1) + (RipplePeriod * random.NextDouble());
        var points = new List<GasPoint>();
        var truth = new List<double>();
        for (var t = TimeSpan.Zero; t <= Length; t += Interval)
        {
            if (LeakFrom is { } from && t >= from)
            {
                vessel.LeakMlStdPerHour = LeakMlStdPerDay / 24;
            }

            double pressurePa = sensor.PressurePa(t, vessel.PressurePa(t, oven.TemperatureC(t)));
            double temperatureC = sensor.TemperatureC(t);
            if (t < baselineAt)
            {
                continue;
            }

            int before = points.Count;
            calculator.Add(new PressureReading(start + t, pressurePa, temperatureC), points);
            for (int i = before; i < points.Count; i++)
            {
                truth.Add((vessel.EvolvedMlStd(points[i].Time - start) - vessel.EvolvedMlStd(baselineAt)) / SlurryMassG);
            }
        }

        calculator.Complete(points);
        return (points, truth, start + baselineAt);
    }
}
