namespace PouchMonitor.Simulator;

/// <summary>
/// Bosch's floating-point compensation (BMP280 datasheet BST-BMP280-DS001 §8.1, identical in the BME280 datasheet
/// §8.1), and its inverse: the raw 20-bit ADC value a chip reports for a true temperature and pressure.
/// </summary>
public static class Bmx280Compensation
{
    /// <summary>Largest 20-bit ADC value.</summary>
    public const int MaxAdc = (1 << 20) - 1;

    /// <summary>The fine temperature t_fine (= 5120 × °C) for a raw temperature.</summary>
    public static double TemperatureFine(Bmx280Calibration c, int adcT)
    {
        var var1 = ((adcT / 16384.0) - (c.T1 / 1024.0)) * c.T2;
        var var2 = (adcT / 131072.0) - (c.T1 / 8192.0);
        return var1 + (var2 * var2 * c.T3);
    }

    /// <summary>Compensated pressure in Pa for a raw pressure, given t_fine of the same measurement.</summary>
    public static double PressurePa(Bmx280Calibration c, double temperatureFine, int adcP)
    {
        var var1 = (temperatureFine / 2.0) - 64000.0;
        var var2 = var1 * var1 * c.P6 / 32768.0;
        var2 += var1 * c.P5 * 2.0;
        var2 = (var2 / 4.0) + (c.P4 * 65536.0);
        var1 = ((c.P3 * var1 * var1 / 524288.0) + (c.P2 * var1)) / 524288.0;
        var1 = (1.0 + (var1 / 32768.0)) * c.P1;
        var p = 1048576.0 - adcP;
        p = (p - (var2 / 4096.0)) * 6250.0 / var1;
        var1 = c.P9 * p * p / 2147483648.0;
        var2 = p * c.P8 / 32768.0;
        return p + ((var1 + var2 + c.P7) / 16.0);
    }

    /// <summary>The raw temperature whose compensated value is nearest to <paramref name="temperatureC"/>.</summary>
    /// <remarks>Temperature rises with the raw value over the whole ADC range for real coefficients, so a bisection finds it.</remarks>
    public static int RawTemperature(Bmx280Calibration c, double temperatureC) =>
        Nearest(adc => TemperatureFine(c, adc) / 5120.0, temperatureC, rising: true);

    /// <summary>The raw pressure whose compensated value (with t_fine of the same measurement) is nearest to <paramref name="pressurePa"/>.</summary>
    /// <remarks>Pressure falls as the raw value rises.</remarks>
    public static int RawPressure(Bmx280Calibration c, double temperatureFine, double pressurePa) =>
        Nearest(adc => PressurePa(c, temperatureFine, adc), pressurePa, rising: false);

    private static int Nearest(Func<int, double> compensate, double target, bool rising)
    {
        int low = 0, high = MaxAdc;
        while (high - low > 1)
        {
            var mid = (low + high) / 2;
            if (compensate(mid) < target == rising)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return Math.Abs(compensate(low) - target) <= Math.Abs(compensate(high) - target) ? low : high;
    }
}
