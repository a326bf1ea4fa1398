using System.Globalization;
using System.Text;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Reports;

/// <summary>
/// Writes the input of the R package biogas's <c>calcBgMan</c> (manometric method, long layout, one row per
/// reading from the baseline on), docs/biogas.md. calcBgMan models a rigid, water-saturated headspace, so only
/// wet headspace vessels are exported.
/// </summary>
/// <remarks>
/// calcBgMan counts, per interval, the dry gas at a reading minus the dry gas left after the previous reading
/// (<c>pres.resid</c>). Here pres.resid is the pressure that leaves exactly the gas our model keeps for the next
/// interval: the reading's own gas, less what an event in the next interval removed. Summed, calcBgMan's cvBg
/// is then our dry_gas_ml_std at every reading.
/// </remarks>
internal sealed class BiogasWriter : IDisposable
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns = ["id", "sample", "time.utc", "time.d", "pres.pa", "pres.resid.pa", "temp.c", "vol.hs", "slurry.g", "xH2"];

    private readonly StreamWriter _writer;
    private readonly StandardConditions _standard;

    /// <exception cref="InputFileException">The file cannot be written.</exception>
    public BiogasWriter(string path, StandardConditions standard)
    {
        try
        {
            _writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: cannot write: {e.Message}", e);
        }

        _standard = standard;
        _writer.WriteLine(string.Join(',', Columns));
    }

    /// <summary>Pouches left out, with the reason.</summary>
    public List<string> Skipped { get; } = [];

    /// <summary>Why calcBgMan cannot take a pouch, or null when it can.</summary>
    public static string? Unsupported(PouchSpec pouch) =>
        pouch.Vessel.Kind != VesselKind.Headspace ? "pouch-in-jar: calcBgMan models a rigid headspace"
        : !pouch.Vessel.Wet ? "dry headspace: calcBgMan assumes water-saturated gas"
        : null;

    public void Write(PouchSpec pouch, IReadOnlyList<GasPoint> points)
    {
        if (Unsupported(pouch) is { } reason)
        {
            Skipped.Add($"{pouch.Id} ({reason})");
            return;
        }

        var rows = points.Where(p => (p.Flags & GasFlags.PreBaseline) == 0).ToArray();
        for (int i = 0; i < rows.Length; i++)
        {
            var p = rows[i];
            double removedNextMl = i + 1 < rows.Length ? Removed(rows[i + 1]) - Removed(p) : 0;
            double residualPa = PressureOfDryGas(pouch.Vessel, p.VesselDryGasMlStd!.Value - removedNextMl, p.TemperatureC);
            _writer.WriteLine(string.Join(',',
                CsvText.Field(pouch.Id), CsvText.Field(pouch.Sample), p.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
                R((p.Time - rows[0].Time).TotalDays), R(p.PressurePa), R(residualPa), R(p.TemperatureC),
                R(pouch.Vessel.GasVolumeMl), R(pouch.SlurryMassG), p.H2Percent is { } h2 ? R(h2 / 100) : "NA"));
        }
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Gas removed by events so far plus the baseline's gas, mL std: G − N + N₀ without N₀, which cancels in differences.</summary>
    private static double Removed(GasPoint point) => point.DryGasMlStd!.Value - point.VesselDryGasMlStd!.Value;

    /// <summary>Total pressure at which the headspace holds a given dry gas (mL std) at a temperature, with saturated vapour.</summary>
    private double PressureOfDryGas(Vessel vessel, double dryGasMlStd, double temperatureC)
    {
        double moles = IdealGas.Moles(_standard.PressurePa, dryGasMlStd, _standard.TemperatureC);
        return (moles * IdealGas.MolarGasConstant * (temperatureC + IdealGas.ZeroCelsiusK) / (vessel.GasVolumeMl * 1e-6)) + vessel.VapourPressurePa(temperatureC);
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
