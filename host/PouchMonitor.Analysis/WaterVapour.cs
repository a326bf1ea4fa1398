namespace PouchMonitor.Analysis;

/// <summary>Water vapour in a vessel that holds liquid water.</summary>
public static class WaterVapour
{
    /// <summary>Saturation vapour pressure of water over liquid water, in Pa.</summary>
    /// <param name="temperatureC">Temperature in °C; the formula is fitted for 0–100 °C.</param>
    /// <remarks>
    /// Buck (1996): p_w = 611.21 · exp((18.678 − T/234.5) · (T / (257.14 + T))).
    /// p_w(25 °C) = 3168.5 Pa, p_w(50 °C) = 12 349.4 Pa. See docs/measurement-model.md.
    /// </remarks>
    public static double SaturationPressurePa(double temperatureC) =>
        611.21 * Math.Exp((18.678 - (temperatureC / 234.5)) * (temperatureC / (257.14 + temperatureC)));
}
