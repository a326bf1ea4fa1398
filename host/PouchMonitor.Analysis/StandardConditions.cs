namespace PouchMonitor.Analysis;

/// <summary>The conditions at which gas volumes are reported ("mL std").</summary>
/// <param name="TemperatureC">Standard temperature in °C; 0 °C by default.</param>
/// <param name="PressurePa">Standard pressure in Pa; 101 325 Pa by default.</param>
public sealed record StandardConditions(double TemperatureC, double PressurePa)
{
    /// <summary>Standard temperature in °C, above absolute zero.</summary>
    public double TemperatureC { get; } = TemperatureC > -IdealGas.ZeroCelsiusK && double.IsFinite(TemperatureC)
        ? TemperatureC
        : throw new ArgumentOutOfRangeException(nameof(TemperatureC), TemperatureC, "The standard temperature must be above −273.15 °C.");

    /// <summary>Standard pressure in Pa, &gt; 0.</summary>
    public double PressurePa { get; } = PressurePa > 0 && double.IsFinite(PressurePa)
        ? PressurePa
        : throw new ArgumentOutOfRangeException(nameof(PressurePa), PressurePa, "The standard pressure must be a positive number of Pa.");

    /// <summary>0 °C and 101 325 Pa, the measurement model's default.</summary>
    public static StandardConditions Default { get; } = new(0.0, 101_325.0);

    /// <summary>Volume in mL at these conditions of an amount of gas in mol.</summary>
    public double MlFromMoles(double moles) => IdealGas.VolumeMl(moles, TemperatureC, PressurePa);

    /// <summary>Short label for users, e.g. "mL at 0 °C, 101.325 kPa".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"mL at {TemperatureC:0.##} °C, {PressurePa / 1000:0.###} kPa");
}
