namespace PouchMonitor.Analysis;

/// <summary>What follows from a point's H₂: per g of silicon, the silicon converted, and the H₂-above-evolved check.</summary>
public static class GasChecks
{
    /// <summary>H₂ may exceed the evolved gas by this much before it is flagged, in mL std (the noise of two readings).</summary>
    public const double H2MarginMlStd = 0.05;

    /// <summary>… plus this fraction of the evolved gas (a GC's typical calibration uncertainty).</summary>
    public const double H2MarginFraction = 0.02;

    /// <summary>The point with its silicon figures and the <see cref="GasFlags.H2AboveEvolved"/> flag set from its current H₂ and gas.</summary>
    public static GasPoint WithChecks(GasPoint point, PouchSpec pouch, StandardConditions standard)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(pouch);
        if (point.H2MlStd is not { } h2Ml)
        {
            return point;
        }

        bool above = point.DryGasMlStd is { } gasMl && h2Ml - gasMl > H2MarginMlStd + (H2MarginFraction * Math.Abs(gasMl));
        return point with
        {
            H2MlStdPerGSilicon = h2Ml / pouch.SiliconMassG,
            SiliconConvertedFraction = pouch.SiliconMassG is { } siliconG ? Silicon.ConvertedFraction(h2Ml, siliconG, standard) : null,
            Flags = above ? point.Flags | GasFlags.H2AboveEvolved : point.Flags & ~GasFlags.H2AboveEvolved,
        };
    }
}
