using System.Globalization;

namespace PouchMonitor.Host.Reports;

/// <summary>A number shown to its uncertainty: "10.00 ± 0.06", not "10 ± 0.063" (docs/reports.md).</summary>
internal static class UncertainText
{
    /// <summary>
    /// The uncertainty rounded to one significant digit (two when that digit would be 1), the value to the same
    /// decimal place; the value alone (4 significant digits) when the uncertainty is not a positive number.
    /// </summary>
    public static string Format(double value, double uncertainty)
    {
        if (!(uncertainty > 0) || !double.IsFinite(uncertainty))
        {
            return value.ToString("G4", CultureInfo.InvariantCulture);
        }

        int exponent = (int)Math.Floor(Math.Log10(uncertainty));
        int digits = (int)(uncertainty / Math.Pow(10, exponent)) == 1 ? 2 : 1;
        int place = exponent - digits + 1;
        double scale = Math.Pow(10, place);
        string format = "F" + Math.Max(0, -place).ToString(CultureInfo.InvariantCulture);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale).ToString(format, CultureInfo.InvariantCulture)} ± {(Math.Round(uncertainty / scale, MidpointRounding.AwayFromZero) * scale).ToString(format, CultureInfo.InvariantCulture)}");
    }
}
