using System.Globalization;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// What a fault cost, end to end: readings the boards had handed over that the host never stored (by sequence
/// number), readings or gas points stored more than once, gas points the undisturbed conversion of what the boards sent
/// has and the store lacks and the other way round, and the largest difference of the stored gas curves from that
/// conversion, in mL at standard conditions (0 °C, 101.325 kPa). Target: every figure 0.
/// </summary>
internal sealed record FaultFigures(long Made, long Lost, long Duplicated, long GasPointsMissing, long GasPointsExtra, long GasPointsCompared,
    double MaxGasDifferenceMlStd, long MirrorLost)
{
    /// <summary>Every figure 0, over gas curves that have values to compare.</summary>
    public bool IsClean => GasPointsCompared > 0 && Lost == 0 && Duplicated == 0 && GasPointsMissing == 0 && GasPointsExtra == 0 && MaxGasDifferenceMlStd <= 1e-9 && MirrorLost == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Lost} lost, {Duplicated} duplicated, largest gas difference {MaxGasDifferenceMlStd:G3} mL (std, 0 °C, 101.325 kPa) over {GasPointsCompared:N0} gas points, {GasPointsMissing} missing in the store, {GasPointsExtra} only in the store, {MirrorLost} mirror lines lost, of {Made:N0} readings made");
}
