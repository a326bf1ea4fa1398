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
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Length = TimeSpan.FromDays(14) + TimeSpan.FromHours(2);

    /// <summary>The vessel's description for the calculator (what an experiment file would say).</summary>
    public PouchSpec Spec => new("V", "s", SlurryMassG, null, null, Kind == VesselKind.Headspace
        ? Vessel.Headspace(GasVolumeMl)
        : Vessel.PouchInJar(GasVolumeMl, new SimulatedVessel(Kind, GasVolumeMl, SlurryMassG, Kinetics, Rig.TrappedAirMlStdPerG, Rig.SealPressurePa, OvenSetpointC).InitialPouchGasMl));

    /// <summary>The calculator's points and the truth (evolved gas since the baseline, mL g⁻¹) at each.</summary>
    public (List<GasPoint> Points, List<double> TruthMlPerG, DateTimeOffset Baseline) Execute()
    {
        var oven = new OvenProfile(OvenSetpointC, 0.25, RipplePeriod);
        var vessel = new SimulatedVessel(Kind, GasVolumeMl, SlurryMassG, Kinetics, Rig.TrappedAirMlStdPerG, Rig.SealPressurePa, oven.SetpointC);
        var sensor = new SensorResponse(SensorModel.Realistic with { PressureNoisePa = 0.2 }, oven, Seed);
        var spec = Spec;
        var calculator = new PouchGasCalculator(spec, Settings, [], new GasCompositionTimeline([], []));
        var start = Start;
        var baselineAt = BaselineAt;
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
