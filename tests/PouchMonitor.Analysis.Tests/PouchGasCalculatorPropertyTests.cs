using CsCheck;
using PouchMonitor.Analysis;
using static PouchMonitor.Analysis.Tests.Pouches;

namespace PouchMonitor.Analysis.Tests;

public class PouchGasCalculatorPropertyTests
{
    private static readonly Gen<PouchSpec> AnyPouch = Gen.Bool.Select(
        Gen.Double[5, 500], Gen.Double[0, 5], Gen.Bool,
        (headspace, volumeMl, pouchGasMl, wet) => new PouchSpec(
            "P", "s", 1.1, 0.2, null, headspace ? Vessel.Headspace(volumeMl, wet) : Vessel.PouchInJar(volumeMl, pouchGasMl, wet)));

    [Fact]
    public void Add_ConstantPressureAndTemperature_GivesZeroGas()
    {
        Gen.Select(AnyPouch, Gen.Double[50_000, 109_000], Gen.Double[20, 60], Gen.Int[1, 50])
            .Sample((pouch, pressurePa, temperatureC, count) =>
            {
                var points = Run(Calculator(pouch), Enumerable.Range(0, count).Select(i => At(i, pressurePa, temperatureC)));
                Assert.All(points, p => Assert.Equal(0.0, p.DryGasMlStd));
            });
    }

    [Fact]
    public void Add_HeadspaceDryGasOnlyGrowing_GivesNonDecreasingGas()
    {
        var increments = Gen.Double[0, 1e-5].Array[2, 60];
        Gen.Select(Gen.Double[5, 500], increments, Gen.Double[45, 55].Array[60])
            .Sample((volumeMl, added, temperaturesC) =>
            {
                double moles = IdealGas.Moles(90_000, volumeMl, 50);
                var readings = added.Select((dn, i) => At(i, HeadspacePressurePa(moles += dn, volumeMl, temperaturesC[i]), temperaturesC[i]));

                var gas = Run(Calculator(Headspace(volumeMl)), readings).Select(p => p.DryGasMlStd!.Value).ToList();

                Assert.All(gas.Zip(gas.Skip(1)), pair => Assert.True(pair.Second >= pair.First - 1e-9, $"{pair.Second} < {pair.First}"));
            });
    }

    [Fact]
    public void Add_PouchGrowingInJar_GivesNonDecreasingGas()
    {
        // at constant temperature the jar's gas is compressed by the pouch: P = P0 · V_jar / (V_jar − ΔV_p)
        Gen.Select(Gen.Double[50, 500], Gen.Double[0, 0.2].Array[2, 60], Gen.Double[95_000, 100_000])
            .Sample((jarMl, growthMl, baselinePa) =>
            {
                double swellingMl = 0;
                var readings = growthMl.Select((dv, i) => At(i, baselinePa * jarMl / (jarMl - (swellingMl += dv))));

                var gas = Run(Calculator(PouchInJar(jarMl, 1)), readings).Select(p => p.DryGasMlStd!.Value).ToList();

                Assert.All(gas.Zip(gas.Skip(1)), pair => Assert.True(pair.Second >= pair.First - 1e-9, $"{pair.Second} < {pair.First}"));
            });
    }

    [Fact]
    public void Add_ReadingsFedInTwoParts_EqualsOnePass()
    {
        var readings = Gen.Select(Gen.Double[95_000, 109_000], Gen.Double[45, 55]).Array[2, 80];
        var eventHours = Gen.Double[0, 80].Array[0, 4];
        Gen.Select(AnyPouch, readings, eventHours, Gen.Int[0, 90], Gen.Int[0, 80])
            .Sample((pouch, values, eventsAt, settleMinutes, splitAt) =>
            {
                var series = values.Select((v, i) => At(i, v.Item1, v.Item2)).ToList();
                var events = eventsAt.Select(h => new VesselEvent(Start.AddHours(h), VesselEventKind.Sample)).ToList();
                var settings = ExperimentSettings.Default with { EventSettle = TimeSpan.FromMinutes(settleMinutes * 2) };
                GcResult[] gc = [Gc(10, 30), Gc(40, 70)];
                var onePass = Run(Calculator(pouch, events, gc, settings), series);

                var incremental = Calculator(pouch, events, gc, settings);
                var points = new List<GasPoint>();
                int split = Math.Min(splitAt, series.Count);
                series.Take(split).ToList().ForEach(r => incremental.Add(r, points));
                int firstPart = points.Count;
                series.Skip(split).ToList().ForEach(r => incremental.Add(r, points));
                incremental.Complete(points);

                Assert.True(firstPart <= split);
                Assert.Equal(onePass, points, GasPointComparer.Instance);
            });
    }
}
