using PouchMonitor.Analysis;
using PouchMonitor.Host.Demo;

namespace PouchMonitor.Simulator.Tests;

/// <summary>
/// Readings the rig made from a known amount of gas come back through boards, broker and host as that amount, for both
/// vessel kinds.
/// </summary>
public class KnownGasTests
{
    // The host's curve starts at one baseline reading, so that reading's noise shifts the whole curve: the first
    // conversion is not yet averaged by the IIR filter, 1.3 Pa and 0.005 °C, which in the 600 mL jar is 0.008 and
    // 0.009 mL (jar volume × ΔP/P and × ΔT/T), 0.011 mL g⁻¹ together for 1.1 g; four standard deviations: 0.045.
    private const double OffsetToleranceMlPerG = 0.045;

    // Around that offset, each point: the filtered noise (coefficient 4: 1.3 Pa × √(1/7) = 0.5 Pa, 0.002 °C) is
    // 0.004 mL g⁻¹ in the jar, less in the 60 mL headspace (0.5 Pa plus 1.2 Pa of vapour pressure per 0.002 °C);
    // four standard deviations 0.016. The filter also lags about 3 samples (30 min), 0.008 mL g⁻¹ at the
    // 0.4 mL g⁻¹ day⁻¹ of this slurry. Total 0.024.
    private const double PointToleranceMlPerG = 0.024;

    private static readonly GompertzKinetics Slurry = new(1.0, 0.4, 0.2);

    [Fact]
    public async Task Gas_KnownAmountsInBothVesselKinds_ComeBackWithinSensorNoise()
    {
        var ct = TestContext.Current.CancellationToken;
        RigPouchSpec[] pouches =
        [
            new("H1", "mSi", "esp32-known-a", 0, VesselKind.Headspace, 60, 1.1, Slurry),
            new("J1", "mSi", "esp32-known-b", 0, VesselKind.PouchInJar, 600, 1.1, Slurry),
        ];
        await using var session = await Sessions.StartAsync(new DemoSettings
        {
            Pouches = pouches, Speed = 8000, DataFolder = Sessions.NewDataFolder(), Experiment = "known-gas", EventSettleMinutes = 0,
        });

        await session.Rig.RunScriptAsync([new RigAction(TimeSpan.FromDays(2), "end", _ => Task.CompletedTask)], ct);
        await session.StopRigAsync(ct);

        foreach (var pouch in session.Rig.Pouches)
        {
            var gas = session.Gas(pouch.Spec.Id).Where(p => p.DryGasMlStdPerG is not null).ToList();
            Assert.True(gas.Count > 200, $"{pouch.Spec.Id}: {gas.Count} points");
            var baselineMlStd = pouch.Vessel.EvolvedMlStd(gas[0].Time - session.Rig.StartedAt);
            var differences = gas.Select(p => p.DryGasMlStdPerG!.Value - ((pouch.Vessel.EvolvedMlStd(p.Time - session.Rig.StartedAt) - baselineMlStd) / 1.1)).ToList();
            var offset = differences.Skip(1).Average();
            var worst = differences.Skip(1).Max(d => Math.Abs(d - offset));
            Assert.True(Math.Abs(offset) <= OffsetToleranceMlPerG, $"{pouch.Spec.Id}: offset {offset:F4} mL/g");
            Assert.True(worst <= PointToleranceMlPerG, $"{pouch.Spec.Id}: worst difference from the offset {worst:F4} mL/g");
            Assert.InRange(gas[^1].DryGasMlStdPerG!.Value, 0.5, 1.0);
        }
    }
}
