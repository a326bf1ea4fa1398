using System.Globalization;
using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Reports;

/// <summary>How reports name standard conditions, e.g. "0 °C, 101.325 kPa".</summary>
internal static class StandardLabel
{
    public static string Of(StandardConditions standard) =>
        string.Create(CultureInfo.InvariantCulture, $"{standard.TemperatureC:0.##} °C, {standard.PressurePa / 1000:0.###} kPa");
}
