namespace PouchMonitor.Analysis;

/// <summary>Ideal-gas relations used by the measurement model.</summary>
/// <remarks>See docs/measurement-model.md, "Constants and symbols".</remarks>
public static class IdealGas
{
    /// <summary>Molar gas constant R in J mol⁻¹ K⁻¹ (CODATA 2018, exact).</summary>
    public const double MolarGasConstant = 8.314462618;

    /// <summary>0 °C in kelvin.</summary>
    public const double ZeroCelsiusK = 273.15;

    /// <summary>Amount of ideal gas in mol: n = p·V / (R·T).</summary>
    /// <param name="pressurePa">Partial pressure of the gas in Pa.</param>
    /// <param name="volumeMl">Gas volume in mL.</param>
    /// <param name="temperatureC">Gas temperature in °C (above −273.15).</param>
    public static double Moles(double pressurePa, double volumeMl, double temperatureC) =>
        pressurePa * volumeMl * 1e-6 / (MolarGasConstant * (temperatureC + ZeroCelsiusK));

    /// <summary>Volume in mL that an amount of ideal gas takes at the given conditions: V = n·R·T / p.</summary>
    /// <param name="moles">Amount of gas in mol (may be negative for a loss).</param>
    /// <param name="temperatureC">Temperature in °C.</param>
    /// <param name="pressurePa">Pressure in Pa.</param>
    public static double VolumeMl(double moles, double temperatureC, double pressurePa) =>
        moles * MolarGasConstant * (temperatureC + ZeroCelsiusK) / pressurePa * 1e6;
}
