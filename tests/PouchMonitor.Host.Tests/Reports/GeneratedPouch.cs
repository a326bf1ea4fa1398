using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Tests.Reports;

/// <summary>
/// A wet 60 mL headspace at a constant 50 °C whose pressure rises as a given function of time (linear by
/// default): at constant temperature the evolved gas is ΔP·V/(R·T), so the summary's numbers and their
/// sensor parts are known in closed form.
/// </summary>
internal sealed class GeneratedPouch
{
    public const double GasVolumeMl = 60, TemperatureC = 50, SlurryMassG = 1.1, ActiveMassG = 0.08, StartPa = 101_325, RisePaPerDay = 2_000;

    public static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public GeneratedPouch(int days, TimeSpan interval, double noisePa = 0, int seed = 1, Func<double, double>? risePaAtDay = null)
    {
        risePaAtDay ??= day => RisePaPerDay * day;
        Spec = new PouchSpec("G1", "mSi", SlurryMassG, ActiveMassG, null, Vessel.Headspace(GasVolumeMl));
        Inputs = new ExperimentInputs(
            new Experiment("generated", ExperimentSettings.Default, [new ExperimentPouch(Spec, null)]),
            [Spec],
            new Dictionary<string, List<VesselEvent>>(),
            new Dictionary<string, List<GcResult>>(),
            []);
        var random = new Random(seed);
        var calculator = Inputs.Calculator(Spec);
        for (var t = TimeSpan.Zero; t <= TimeSpan.FromDays(days); t += interval)
        {
            double noise = noisePa * Normal(random);
            calculator.Add(new PressureReading(Start + t, StartPa + risePaAtDay(t.TotalDays) + noise, TemperatureC), Points);
        }

        calculator.Complete(Points);
    }

    public PouchSpec Spec { get; }

    public ExperimentInputs Inputs { get; }

    public List<GasPoint> Points { get; } = [];

    /// <summary>mL std g⁻¹ slurry of a pressure change at constant temperature: ΔP·V/(R·T), at 0 °C and 101.325 kPa.</summary>
    public static double MlPerG(double pressurePa, double temperatureC = TemperatureC) =>
        StandardConditions.Default.MlFromMoles(IdealGas.Moles(pressurePa, GasVolumeMl, temperatureC)) / SlurryMassG;

    /// <summary>A standard normal deviate (Box–Muller).</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
