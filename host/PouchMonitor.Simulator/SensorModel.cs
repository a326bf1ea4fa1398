namespace PouchMonitor.Simulator;

/// <summary>
/// How a virtual BME280 departs from the vessel's true gas: a first-order thermal lag of the sensor behind the gas, a
/// fixed temperature offset, slow drifts, noise per conversion (before the chip's IIR filter) and the 0.01 K steps of
/// the chip's temperature output. <see cref="Ideal"/> keeps the first rig's behaviour; <see cref="Realistic"/> is a
/// real oven's (issue 10's figures).
/// </summary>
public sealed record SensorModel
{
    /// <summary>No lag, offset, drift or quantisation; 1.3 Pa and 0.005 °C of noise per conversion.</summary>
    public static SensorModel Ideal { get; } = new();

    /// <summary>
    /// 3-min lag, 0.3 K offset, 0.005 °C noise quantised to 0.01 K, 0.5 Pa noise per conversion (about 0.2 Pa after
    /// the ×4 IIR filter), drifts of 0.002 K and 0.3 Pa per day (Bosch: ±1 hPa per year).
    /// </summary>
    public static SensorModel Realistic { get; } = new()
    {
        ThermalLag = TimeSpan.FromMinutes(3),
        TemperatureOffsetC = 0.3,
        TemperatureResolutionC = 0.01,
        PressureNoisePa = 0.5,
        TemperatureDriftCPerDay = 0.002,
        PressureDriftPaPerDay = 0.3,
    };

    /// <summary>Time constant of the sensor's temperature following the gas (zero: none).</summary>
    public TimeSpan ThermalLag { get; init; }

    /// <summary>What the sensor reads above the temperature it has, in K.</summary>
    public double TemperatureOffsetC { get; init; }

    /// <summary>Steps of the temperature fed to the chip, in K (zero: not quantised).</summary>
    public double TemperatureResolutionC { get; init; }

    /// <summary>RMS noise of one pressure conversion before the chip's IIR filter, in Pa.</summary>
    public double PressureNoisePa { get; init; } = 1.3;

    /// <summary>RMS noise of one temperature conversion before the chip's IIR filter, in °C.</summary>
    public double TemperatureNoiseC { get; init; } = 0.005;

    /// <summary>Change of the temperature offset per day of the run, in K d⁻¹.</summary>
    public double TemperatureDriftCPerDay { get; init; }

    /// <summary>Change of the pressure offset per day of the run, in Pa d⁻¹.</summary>
    public double PressureDriftPaPerDay { get; init; }
}
