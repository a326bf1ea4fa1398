namespace PouchMonitor.Analysis;

/// <summary>A known volume of dry gas pushed into a vessel with a syringe, for a volume calibration.</summary>
/// <param name="Time">When the gas went in.</param>
/// <param name="VolumeMl">Syringe volume in mL at the syringe's temperature and pressure, &gt; 0.</param>
/// <param name="TemperatureC">Temperature of the gas in the syringe, °C.</param>
/// <param name="PressurePa">Pressure of the gas in the syringe (the room's), Pa, &gt; 0.</param>
/// <param name="VolumeUncertaintyMl">Standard uncertainty of <paramref name="VolumeMl"/>, mL, ≥ 0.</param>
public sealed record Injection(DateTimeOffset Time, double VolumeMl, double TemperatureC, double PressurePa, double VolumeUncertaintyMl)
{
    /// <summary>Syringe volume in mL, &gt; 0.</summary>
    public double VolumeMl { get; } = VolumeMl > 0 && double.IsFinite(VolumeMl)
        ? VolumeMl : throw new ArgumentOutOfRangeException(nameof(VolumeMl), VolumeMl, "The injected volume must be a positive number of mL.");

    /// <summary>Syringe temperature in °C, above absolute zero.</summary>
    public double TemperatureC { get; } = TemperatureC > -IdealGas.ZeroCelsiusK && double.IsFinite(TemperatureC)
        ? TemperatureC : throw new ArgumentOutOfRangeException(nameof(TemperatureC), TemperatureC, "The syringe temperature must be a temperature in °C above absolute zero.");

    /// <summary>Syringe pressure in Pa, &gt; 0.</summary>
    public double PressurePa { get; } = PressurePa > 0 && double.IsFinite(PressurePa)
        ? PressurePa : throw new ArgumentOutOfRangeException(nameof(PressurePa), PressurePa, "The syringe pressure must be a positive number of Pa.");

    /// <summary>Standard uncertainty of the volume in mL, ≥ 0.</summary>
    public double VolumeUncertaintyMl { get; } = VolumeUncertaintyMl >= 0 && double.IsFinite(VolumeUncertaintyMl)
        ? VolumeUncertaintyMl : throw new ArgumentOutOfRangeException(nameof(VolumeUncertaintyMl), VolumeUncertaintyMl, "The injected volume's uncertainty must be zero or a positive number of mL.");

    /// <summary>The injected gas as P_s · V_s / T_s, in Pa · mL K⁻¹ (n · R · 1e6).</summary>
    public double PressureVolumePerKelvin => PressurePa * VolumeMl / (TemperatureC + IdealGas.ZeroCelsiusK);
}
