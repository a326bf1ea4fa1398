namespace PouchMonitor.Host.Reports;

/// <summary>A summary number with its standard uncertainties (k = 1), by source, in the number's unit.</summary>
/// <param name="Value">The number from the readings as recorded.</param>
/// <param name="AbsolutePressureU">From the sensor's absolute pressure accuracy.</param>
/// <param name="RelativePressureU">From the sensor's relative pressure accuracy.</param>
/// <param name="TemperatureU">From the sensor's temperature accuracy.</param>
/// <param name="NoiseU">From the readings' noise.</param>
/// <remarks>NaN where a part cannot be computed (e.g. a perturbed series that never crosses the threshold).</remarks>
internal sealed record Uncertain(double Value, double AbsolutePressureU, double RelativePressureU, double TemperatureU, double NoiseU)
{
    /// <summary>The sensor's accuracy, all parts combined in quadrature.</summary>
    public double SensorU => Math.Sqrt((AbsolutePressureU * AbsolutePressureU) + (RelativePressureU * RelativePressureU) + (TemperatureU * TemperatureU));

    /// <summary>From the sensor-to-gas temperature difference (gasTemperatureUncertaintyK).</summary>
    public double GasTemperatureU { get; init; }

    /// <summary>From the events: each removal ΔN carries the noise of its before and after values.</summary>
    public double EventsU { get; init; }

    /// <summary>From the vessel's gas volume uncertainty.</summary>
    public double VolumeU { get; init; }

    /// <summary>From the subtracted blank share (the blank's own uncertainty and the interpolation); 0 without a blank.</summary>
    public double BlankU { get; init; }

    /// <summary>All parts combined in quadrature.</summary>
    public double TotalU => Math.Sqrt(
        (SensorU * SensorU) + (NoiseU * NoiseU) + (GasTemperatureU * GasTemperatureU) + (EventsU * EventsU) + (VolumeU * VolumeU) + (BlankU * BlankU));
}
