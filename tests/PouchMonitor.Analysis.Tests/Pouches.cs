using PouchMonitor.Analysis;

namespace PouchMonitor.Analysis.Tests;

/// <summary>Pouches, readings and calculators for the tests.</summary>
internal static class Pouches
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static PouchSpec Headspace(double gasVolumeMl = 40, DateTimeOffset? baselineAt = null, double? activeMassG = null) =>
        new("A1", "mSi", 1.1, activeMassG, baselineAt, Vessel.Headspace(gasVolumeMl));

    public static PouchSpec PouchInJar(double jarGasVolumeMl = 200, double pouchInitialGasMl = 1) =>
        new("J1", "mSi", 1.1, null, null, Vessel.PouchInJar(jarGasVolumeMl, pouchInitialGasMl));

    public static PouchGasCalculator Calculator(
        PouchSpec pouch,
        IEnumerable<VesselEvent>? events = null,
        IEnumerable<GcResult>? gc = null,
        ExperimentSettings? settings = null) =>
        new(pouch, settings ?? ExperimentSettings.Default, events ?? [], new GasCompositionTimeline(gc ?? [], []));

    public static List<GasPoint> Run(PouchGasCalculator calculator, IEnumerable<PressureReading> readings)
    {
        var points = new List<GasPoint>();
        foreach (var reading in readings)
        {
            calculator.Add(reading, points);
        }

        calculator.Complete(points);
        return points;
    }

    /// <summary>The pressure a headspace vessel shows at 50 °C with a dry gas amount.</summary>
    public static double HeadspacePressurePa(double dryMoles, double gasVolumeMl, double temperatureC = 50) =>
        (dryMoles * IdealGas.MolarGasConstant * (temperatureC + IdealGas.ZeroCelsiusK) / (gasVolumeMl * 1e-6)) + WaterVapour.SaturationPressurePa(temperatureC);

    public static PressureReading At(double hours, double pressurePa, double temperatureC = 50) =>
        new(Start.AddHours(hours), pressurePa, temperatureC);

    public static GcResult Gc(double hours, double h2Percent) => new(Start.AddHours(hours), h2Percent, new Dictionary<string, double>());
}
