namespace PouchMonitor.Analysis;

/// <summary>Subtracts a blank's apparent gas from a pouch's points (docs/measurement-model.md, "Blanks").</summary>
public static class BlankCorrection
{
    /// <summary>
    /// Standard uncertainty in mL std of the blank share subtracted from a pouch: the blank's own gas uncertainty and the
    /// interpolation's, in quadrature, scaled by the ratio of vessel gas volumes as the share is (docs/measurement-model.md).
    /// </summary>
    /// <param name="blankUMlStd">The blank's standard uncertainty of its apparent gas, mL std, ≥ 0.</param>
    /// <param name="interpolationUMlStd">That of interpolating it to the pouch's time, mL std, ≥ 0.</param>
    /// <param name="pouch">The pouch's vessel.</param>
    /// <param name="blank">The blank's vessel.</param>
    public static double ShareUncertaintyMl(double blankUMlStd, double interpolationUMlStd, Vessel pouch, Vessel blank)
    {
        ArgumentNullException.ThrowIfNull(pouch);
        ArgumentNullException.ThrowIfNull(blank);
        ArgumentOutOfRangeException.ThrowIfNegative(blankUMlStd);
        ArgumentOutOfRangeException.ThrowIfNegative(interpolationUMlStd);
        return Math.Sqrt((blankUMlStd * blankUMlStd) + (interpolationUMlStd * interpolationUMlStd)) * pouch.GasVolumeMl / blank.GasVolumeMl;
    }

    /// <summary>
    /// The point with the blank's apparent gas, scaled by the ratio of vessel gas volumes, subtracted from its gas and,
    /// at the point's H₂ fraction, from its H₂; the uncorrected values and the blank's share kept beside them.
    /// </summary>
    /// <param name="point">A point of the pouch.</param>
    /// <param name="pouch">The pouch.</param>
    /// <param name="blank">The blank's vessel.</param>
    /// <param name="series">The blank's apparent gas.</param>
    /// <param name="standard">The experiment's standard conditions.</param>
    public static GasPoint Apply(GasPoint point, PouchSpec pouch, Vessel blank, BlankSeries series, StandardConditions standard)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(pouch);
        ArgumentNullException.ThrowIfNull(blank);
        ArgumentNullException.ThrowIfNull(series);
        if (point.DryGasMlStd is not { } gasMl)
        {
            return point;
        }

        if (!series.TryGet(point.Time, out double apparentMl, out bool near))
        {
            return point with { UncorrectedDryGasMlStd = gasMl, UncorrectedH2MlStd = point.H2MlStd, Flags = point.Flags | GasFlags.BlankGap };
        }

        double shareMl = apparentMl * pouch.Vessel.GasVolumeMl / blank.GasVolumeMl;
        double correctedMl = gasMl - shareMl;
        double? h2Ml = point.H2MlStd - (point.H2Percent / 100 * shareMl);
        var corrected = point with
        {
            DryGasMlStd = correctedMl,
            DryGasMlStdPerG = correctedMl / pouch.SlurryMassG,
            DryGasMlStdPerGActive = correctedMl / pouch.ActiveMassG,
            H2MlStd = h2Ml,
            H2MlStdPerG = h2Ml / pouch.SlurryMassG,
            H2MlStdPerGActive = h2Ml / pouch.ActiveMassG,
            UncorrectedDryGasMlStd = gasMl,
            UncorrectedH2MlStd = point.H2MlStd,
            BlankDryGasMlStd = shareMl,
            Flags = near ? point.Flags : point.Flags | GasFlags.BlankGap,
        };
        return GasChecks.WithChecks(corrected, pouch, standard);
    }
}
