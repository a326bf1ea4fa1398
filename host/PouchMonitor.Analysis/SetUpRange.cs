using System.Globalization;

namespace PouchMonitor.Analysis;

/// <summary>
/// The set-up check of docs/measurement-model.md, "Set-up range check": the pressure a vessel reaches when its slurry
/// has made the expected gas, against the sensor's range.
/// </summary>
public static class SetUpRange
{
    /// <summary>The oven temperature the check assumes, in °C (the seed's gassing test).</summary>
    public const double OvenTemperatureC = 50;

    /// <summary>The vessel is taken as sealed (or vented) at this pressure at oven temperature, in Pa.</summary>
    public const double SealedPressurePa = 101_325;

    /// <summary>The vessel's pressure in Pa once the slurry has made <see cref="PouchSpec.ExpectedGasMlPerG"/>.</summary>
    /// <param name="pouch">The pouch, its vessel and slurry mass.</param>
    /// <param name="standard">The conditions of the expected gas's mL.</param>
    /// <param name="temperatureC">The oven's temperature in °C.</param>
    /// <remarks>
    /// Headspace: P = P0 + n_E·R·T/V_hs. Pouch in jar (jar gas compressed at constant T, pouch gas at the jar's P):
    /// V·P² − (V·p_w + a + P0·V_jar)·P + P0·V_jar·p_w = 0, larger root, with V = V_jar + V_p0 and
    /// a = (P0 − p_w)·V_p0 + n_E·R·T·1e6 (Pa·mL).
    /// </remarks>
    public static double PressureAtExpectedGasPa(PouchSpec pouch, StandardConditions standard, double temperatureC = OvenTemperatureC)
    {
        ArgumentNullException.ThrowIfNull(pouch);
        ArgumentNullException.ThrowIfNull(standard);
        var vessel = pouch.Vessel;
        double evolvedMoles = IdealGas.Moles(standard.PressurePa, pouch.ExpectedGasMlPerG * pouch.SlurryMassG, standard.TemperatureC);
        double rtPaMl = IdealGas.MolarGasConstant * (temperatureC + IdealGas.ZeroCelsiusK) * 1e6;
        if (vessel.Kind == VesselKind.Headspace)
        {
            return SealedPressurePa + (evolvedMoles * rtPaMl / vessel.GasVolumeMl);
        }

        double vapourPa = vessel.VapourPressurePa(temperatureC);
        double volumeMl = vessel.GasVolumeMl + vessel.PouchInitialGasMl;
        double pouchGasPaMl = ((SealedPressurePa - vapourPa) * vessel.PouchInitialGasMl) + (evolvedMoles * rtPaMl);
        double b = (volumeMl * vapourPa) + pouchGasPaMl + (SealedPressurePa * vessel.GasVolumeMl);
        double c = SealedPressurePa * vessel.GasVolumeMl * vapourPa;
        return (b + Math.Sqrt((b * b) - (4 * volumeMl * c))) / (2 * volumeMl);
    }

    /// <summary>A warning for users when the vessel will pass its sensor's range; null when it stays inside.</summary>
    public static string? Warning(PouchSpec pouch, StandardConditions standard)
    {
        double pressurePa = PressureAtExpectedGasPa(pouch, standard);
        return pressurePa <= pouch.SensorMaxPa ? null : string.Create(
            CultureInfo.InvariantCulture,
            $"pouch {pouch.Id}: {pouch.ExpectedGasMlPerG:0.##} mL g⁻¹ slurry ({standard}) in its {pouch.Vessel.GasVolumeMl:0.#} mL vessel would reach {pressurePa / 1000:0.0} kPa at {OvenTemperatureC:0} °C, past the sensor's {pouch.SensorMaxPa / 1000:0.#} kPa: use a larger vessel or less slurry, or vent it (expectedGasMlPerG sets the gas expected)");
    }
}
