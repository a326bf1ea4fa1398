using System.Globalization;

namespace PouchMonitor.Host.Reports;

/// <summary>
/// A number shown to its uncertainty: the uncertainty rounded to one significant digit (two when they start with 1
/// or 2), the number to the same decimal place: 10.00 ± 0.06, not 10 ± 0.063.
/// </summary>
internal static class UncertainText
{
    /// <summary>"value ± uncertainty"; the value alone (4 significant digits) when the uncertainty is not a positive number.</summary>
    public static string Format(double value, double uncertainty) =>
        IsUsable(uncertainty) ? $"{Rounded(value, uncertainty)} ± {Rounded(uncertainty, uncertainty)}" : Rounded(value, uncertainty);

    /// <summary><paramref name="value"/> to the decimal place <paramref name="uncertainty"/> is shown to.</summary>
    public static string Rounded(double value, double uncertainty)
    {
        if (!IsUsable(uncertainty))
        {
            return value.ToString("G4", CultureInfo.InvariantCulture);
        }

        int exponent = (int)Math.Floor(Math.Log10(uncertainty));
        int decimals = -exponent + (uncertainty / Math.Pow(10, exponent) < 3 ? 1 : 0);
        double scale = Math.Pow(10, decimals);
        return (Math.Round(value * scale) / scale).ToString("F" + Math.Max(decimals, 0).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static bool IsUsable(double uncertainty) => double.IsFinite(uncertainty) && uncertainty > 0;
}
