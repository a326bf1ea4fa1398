using PouchMonitor.Analysis;
using static PouchMonitor.Analysis.Tests.Pouches;

namespace PouchMonitor.Analysis.Tests;

public class EvolvedShareTests
{
    private const double VolumeMl = 60;
    private static readonly StandardConditions Std = StandardConditions.Default;

    // Trapped air: the dry gas of a 60 mL headspace at 101 325 Pa and 50 °C, wet (1.986936e-3 mol, measurement-model.md).
    private static readonly double AirMoles = IdealGas.Moles(101_325 - WaterVapour.SaturationPressurePa(50), VolumeMl, 50);

    [Fact]
    public void Add_VentedHeadspace_EvolvedShareFollowsTheTruthAndVesselFractionDoesNot()
    {
        var run = VentedRun.Create();

        double evolvedShareError = run.WorstRelativeError(H2Method.EvolvedShare);
        double vesselFractionError = run.WorstRelativeError(H2Method.VesselFraction);

        Assert.True(evolvedShareError < 0.01, $"evolved-share is {evolvedShareError:P2} off");
        Assert.True(vesselFractionError > 0.03, $"vessel-fraction is only {vesselFractionError:P2} off");
    }

    [Fact]
    public void Add_GcGivesNitrogenAndOxygen_ShareUsesTheMeasuredAir()
    {
        // 1.0 mmol air at baseline, 0.5 mmol evolved of which 60 % H₂ by hour 10; the GC sees 20 % H₂, 66.67 % N₂ + O₂
        // (argon added by air's ratio): share = 20 / (1 − 0.6667 · (1 + 0.934/78.084) · …); with no Ar given and N₂ 52.67 %,
        // O₂ 14 %, the inert part is 52.67 + 14 + 52.67 · 0.934 / 78.084 = 67.30 %, share = 20 / 0.3270 = 61.16 %.
        var gc = new GcResult(Start.AddHours(10), 20, new Dictionary<string, double> { ["n2_percent"] = 52.67, ["o2_percent"] = 14 });
        var settings = ExperimentSettings.Default with { H2Method = H2Method.EvolvedShare };

        var points = Run(Calculator(Headspace(VolumeMl), gc: [gc], settings: settings), [
            At(0, HeadspacePressurePa(1.0e-3, VolumeMl)), At(10, HeadspacePressurePa(1.5e-3, VolumeMl)),
            At(20, HeadspacePressurePa(1.6e-3, VolumeMl)),
        ]);

        double inert = (52.67 + 14 + (52.67 * 0.934 / 78.084)) / 100;
        // At 20 h: H₂ = share · (N − I) with I = the GC's air, inert · 1.5 mmol, carried unchanged (no removal)
        double expectedMoles = 0.20 / (1 - inert) * (1.6e-3 - (inert * 1.5e-3));
        Assert.Equal(Std.MlFromMoles(expectedMoles), points[2].H2MlStd!.Value, 1e-9);
        Assert.Equal(H2Basis.Extrapolated, points[2].H2Basis);
        // At the GC time the vessel fraction is the measured one
        Assert.Equal(20, points[1].H2Percent!.Value, 1e-9);
    }

    /// <summary>
    /// 14 days, hourly readings of a 60 mL headspace making pure H₂ (11.2 mL std in all, time constant 4 days), vented to
    /// 101 325 Pa every day with a reading just before each vent; GC at day 3 and day 13 gives the vessel's true H₂ fraction.
    /// </summary>
    private sealed record VentedRun(List<PressureReading> Readings, List<VesselEvent> Events, List<GcResult> Gc, Dictionary<DateTimeOffset, double> TrueH2Moles)
    {
        private const double TotalH2Moles = 5.0e-4;

        public static VentedRun Create()
        {
            var run = new VentedRun([], [], [], []);
            double air = AirMoles, vesselH2 = 0, made = 0;
            for (int hour = 0; hour <= 14 * 24; hour++)
            {
                double madeNow = TotalH2Moles * (1 - Math.Exp(-hour / 96.0));
                vesselH2 += madeNow - made;
                made = madeNow;
                if (hour % 24 == 0 && hour > 0)
                {
                    run.Add(Start.AddHours(hour).AddSeconds(-1), air, vesselH2, made);
                    run.Events.Add(new VesselEvent(Start.AddHours(hour), VesselEventKind.Vent));
                    double retained = AirMoles / (air + vesselH2);
                    (air, vesselH2) = (air * retained, vesselH2 * retained);
                }

                run.Add(Start.AddHours(hour), air, vesselH2, made);
                if (hour is 72 or 312)
                {
                    run.Gc.Add(new GcResult(Start.AddHours(hour), 100 * vesselH2 / (air + vesselH2), new Dictionary<string, double>()));
                }
            }

            return run;
        }

        public double WorstRelativeError(H2Method method)
        {
            var settings = ExperimentSettings.Default with { H2Method = method };
            var points = Run(Calculator(Headspace(VolumeMl), Events, Gc, settings), Readings);
            return points.Where(p => p.Time >= Start.AddHours(72))
                .Max(p => Math.Abs((p.H2MlStd!.Value / Std.MlFromMoles(TrueH2Moles[p.Time])) - 1));
        }

        private void Add(DateTimeOffset time, double air, double vesselH2, double made)
        {
            Readings.Add(new PressureReading(time, HeadspacePressurePa(air + vesselH2, VolumeMl), 50));
            TrueH2Moles[time] = made;
        }
    }
}
