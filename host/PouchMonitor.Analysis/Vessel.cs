namespace PouchMonitor.Analysis;

/// <summary>The rigid vessel around a slurry sample and how its dry gas follows from a reading.</summary>
/// <remarks>Formulas of docs/measurement-model.md, "Dry gas in the vessel".</remarks>
public sealed record Vessel
{
    private Vessel(VesselKind kind, double gasVolumeMl, double pouchInitialGasMl, bool wet)
    {
        if (!(gasVolumeMl > 0) || double.IsInfinity(gasVolumeMl))
        {
            throw new ArgumentOutOfRangeException(nameof(gasVolumeMl), gasVolumeMl, "The gas volume must be a positive number of mL.");
        }

        if (!(pouchInitialGasMl >= 0) || double.IsInfinity(pouchInitialGasMl))
        {
            throw new ArgumentOutOfRangeException(nameof(pouchInitialGasMl), pouchInitialGasMl, "The pouch's initial gas must be zero or a positive number of mL.");
        }

        Kind = kind;
        GasVolumeMl = gasVolumeMl;
        PouchInitialGasMl = pouchInitialGasMl;
        Wet = wet;
    }

    /// <summary>Headspace or pouch-in-jar.</summary>
    public VesselKind Kind { get; }

    /// <summary>Headspace gas volume V_hs, or the jar's free gas volume at baseline V_jar, in mL.</summary>
    public double GasVolumeMl { get; }

    /// <summary>Gas inside the pouch at baseline V_p0 in mL (pouch-in-jar only; 0 for headspace).</summary>
    public double PouchInitialGasMl { get; }

    /// <summary>Whether the measured gas is saturated with water vapour.</summary>
    public bool Wet { get; }

    /// <summary>A rigid vessel whose sensor reads the gas above the slurry.</summary>
    /// <param name="gasVolumeMl">Headspace gas volume V_hs in mL, &gt; 0.</param>
    /// <param name="wet">Whether the headspace is saturated with water vapour.</param>
    public static Vessel Headspace(double gasVolumeMl, bool wet = true) => new(VesselKind.Headspace, gasVolumeMl, 0, wet);

    /// <summary>A sealed pouch inside a rigid jar whose sensor reads the jar gas.</summary>
    /// <param name="jarGasVolumeMl">Jar free gas volume at baseline V_jar in mL, &gt; 0.</param>
    /// <param name="pouchInitialGasMl">Gas inside the pouch at baseline V_p0 in mL, ≥ 0.</param>
    /// <param name="wet">Whether the pouch gas is saturated with water vapour.</param>
    public static Vessel PouchInJar(double jarGasVolumeMl, double pouchInitialGasMl = 0, bool wet = true) =>
        new(VesselKind.PouchInJar, jarGasVolumeMl, pouchInitialGasMl, wet);

    /// <summary>Water vapour partial pressure p_w in Pa at a temperature: Buck (1996) when wet, else 0.</summary>
    public double VapourPressurePa(double temperatureC) => Wet ? WaterVapour.SaturationPressurePa(temperatureC) : 0;

    /// <summary>Gas volume whose dry moles are counted, in mL: V_hs, or the pouch volume V_p(t).</summary>
    /// <param name="reading">The reading at time t.</param>
    /// <param name="baseline">The pouch's baseline reading (P0, T0); unused for headspace.</param>
    /// <remarks>V_p(t) = V_p0 + V_jar · (1 − (P0 · T_K) / (P · T0_K)).</remarks>
    public double MeasuredGasVolumeMl(PressureReading reading, PressureReading baseline)
    {
        if (Kind == VesselKind.Headspace)
        {
            return GasVolumeMl;
        }

        double temperatureK = reading.TemperatureC + IdealGas.ZeroCelsiusK;
        double baselineTemperatureK = baseline.TemperatureC + IdealGas.ZeroCelsiusK;
        return PouchInitialGasMl + (GasVolumeMl * (1 - (baseline.PressurePa * temperatureK / (reading.PressurePa * baselineTemperatureK))));
    }

    /// <summary>Dry gas N(t) in mol in the headspace, or inside the pouch.</summary>
    /// <remarks>N(t) = (P − p_w(T)) · V · 1e-6 / (R · T_K).</remarks>
    public double DryGasMoles(PressureReading reading, PressureReading baseline) =>
        IdealGas.Moles(reading.PressurePa - VapourPressurePa(reading.TemperatureC), MeasuredGasVolumeMl(reading, baseline), reading.TemperatureC);
}
