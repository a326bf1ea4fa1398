using PouchMonitor.Analysis;

namespace PouchMonitor.Analysis.Tests;

public class VolumeCalibrationTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InjectedAt = Start.AddHours(1);
    private const double R = IdealGas.MolarGasConstant, OvenK = 323.15;

    // 5.000 mL of air at 25 °C and 101 325 Pa: P·V/T = 101 325 · 5 / 298.15 = 1699.23 Pa mL K⁻¹.
    private static readonly Injection FiveMl = new(InjectedAt, 5.0, 25, 101_325, 0);

    [Fact]
    public void Fit_ExactHeadspaceWithSteadyGas_GivesItsVolume()
    {
        // 60 mL wet headspace at 50 °C making 0.01 mmol h⁻¹, a reading a minute; the injection's moles P·V/(R·T)
        var readings = Headspace(60, molesPerHour: 1e-5, noisePa: 0, new Random(1));

        var fit = VolumeCalibration.Fit(readings, FiveMl, wet: true, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), 0);

        Assert.Equal(60, fit.GasVolumeMl, 1e-6);
        Assert.Equal(0, fit.UncertaintyMl, 1e-6);
        Assert.Equal((30, 30), (fit.BeforeCount, fit.AfterCount));
        // ΔP = n · R · T / V = 1699.23 / 60 · 323.15 = 9151.76 Pa
        Assert.Equal(9151.76, fit.StepPa, 0.01);
    }

    [Fact]
    public void Fit_NoisyReadings_UncertaintyCoversTheError()
    {
        // 2 Pa of noise a reading: Δy's standard error is about 2 Pa · √(2 · 4 / 30) / 323 K, 0.011 % of the 9.15 kPa step.
        int within = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var fit = VolumeCalibration.Fit(Headspace(60, 1e-5, 2, new Random(seed)), FiveMl, true, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), 0);
            Assert.InRange(fit.UncertaintyMl, 0.003, 0.02);
            within += Math.Abs(fit.GasVolumeMl - 60) <= 2 * fit.UncertaintyMl ? 1 : 0;
        }

        // 95 % expected; 34 or fewer of 40 has p < 2 %
        Assert.InRange(within, 35, 40);
    }

    [Fact]
    public void Fit_SyringeUncertainty_AddsItsRelativePart()
    {
        var fit = VolumeCalibration.Fit(Headspace(60, 0, 0, new Random(1)), new Injection(InjectedAt, 5.0, 25, 101_325, 0.05), true, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), 0);

        // 1 % of the syringe is 1 % of the volume
        Assert.Equal(0.6, fit.UncertaintyMl, 1e-6);
    }

    [Fact]
    public void JarGasVolumeMl_PouchInJar_GivesTheJarGasOutsideThePouch()
    {
        // 200 mL jar gas (dry) around a wet pouch of 4 mL at 100 kPa, 50 °C; the free volume is fixed, the pouch at the
        // jar's pressure: V_f·P² − (V_f·p_w + (n_j + n_p)·R·T)·P + n_j·R·T·p_w = 0 (SimulatedVessel's formula).
        double pw = WaterVapour.SaturationPressurePa(50), freeMl = 204;
        double jarMol = IdealGas.Moles(100_000, 200, 50), pouchMol = IdealGas.Moles(100_000 - pw, 4, 50);
        double injectedMol = FiveMl.PressureVolumePerKelvin * 1e-6 / R;
        double JarPa(double jar) => LargerRoot(freeMl, pw, (jar + pouchMol) * R * OvenK * 1e6, jar * R * OvenK * 1e6 * pw);
        var readings = Enumerable.Range(-30, 66).Select(m => new PressureReading(
            InjectedAt.AddMinutes(m), JarPa(m < 0 ? jarMol : jarMol + injectedMol), 50)).ToList();

        var fit = VolumeCalibration.Fit(readings, FiveMl, wet: false, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), 0);

        Assert.Equal(200, fit.JarGasVolumeMl(4, wetPouch: true), 0.02);
    }

    [Theory]
    [InlineData(-40, "before")]
    [InlineData(40, "after")]
    public void Fit_EmptyWindow_SaysWhichWindow(int shiftMinutes, string side)
    {
        var readings = Headspace(60, 0, 0, new Random(1)).Where(r => shiftMinutes < 0 ? r.Time > InjectedAt : r.Time < InjectedAt);

        var e = Assert.Throws<ArgumentException>(() => VolumeCalibration.Fit(readings, FiveMl, true, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), 0));

        Assert.Contains($"the window {side} the injection", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NoRise_SaysTheGasDidNotRise()
    {
        var readings = Enumerable.Range(0, 120).Select(m => new PressureReading(Start.AddMinutes(m), 101_325, 50));

        var e = Assert.Throws<ArgumentException>(() => VolumeCalibration.Fit(readings, FiveMl, true, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), 0));

        Assert.Contains("the gas did not rise", e.Message, StringComparison.Ordinal);
    }

    // A wet headspace of volumeMl at 50 °C sealed at 101 325 Pa, gas rising steadily, 5 mL injected at 1 h; a reading a minute for 2 h.
    private static List<PressureReading> Headspace(double volumeMl, double molesPerHour, double noisePa, Random random)
    {
        double pw = WaterVapour.SaturationPressurePa(50);
        double startMol = IdealGas.Moles(101_325 - pw, volumeMl, 50), injectedMol = FiveMl.PressureVolumePerKelvin * 1e-6 / R;
        return [.. Enumerable.Range(0, 120).Select(m =>
        {
            var time = Start.AddMinutes(m);
            double moles = startMol + (molesPerHour * m / 60) + (time >= InjectedAt ? injectedMol : 0);
            return new PressureReading(time, (moles * R * OvenK / (volumeMl * 1e-6)) + pw + (noisePa * Normal(random)), 50);
        })];
    }

    private static double LargerRoot(double a, double pw, double nrt, double c)
    {
        double b = (a * pw) + nrt;
        return (b + Math.Sqrt((b * b) - (4 * a * c))) / (2 * a);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
