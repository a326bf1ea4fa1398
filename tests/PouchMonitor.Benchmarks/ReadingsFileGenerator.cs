using System.Globalization;
using System.Text;
using PouchMonitor.Analysis;

namespace PouchMonitor.Benchmarks;

/// <summary>Writes a realistic experiment: headspace pouches in a 50 °C oven, Gompertz gas, sensor noise, rows in time order.</summary>
internal static class ReadingsFileGenerator
{
    private const double GasVolumeMl = 40;

    public static void Write(string directory, int pouches, TimeSpan duration, TimeSpan interval)
    {
        File.WriteAllText(Path.Combine(directory, "experiment.json"), Experiment(pouches));
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        double baselineMoles = IdealGas.Moles(95_000, GasVolumeMl, 50);
        using var writer = new StreamWriter(Path.Combine(directory, "readings.csv"), false, new UTF8Encoding(false), 1 << 20);
        writer.Write("time,pouch,pressure_pa,temperature_c\n");
        for (var t = TimeSpan.Zero; t <= duration; t += interval)
        {
            string time = (start + t).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            double days = t.TotalDays;
            for (int p = 0; p < pouches; p++)
            {
                // bare silicon (every fourth pouch) follows the seed's Gompertz fit; coated pouches barely gas
                double maxMlPerG = p % 4 == 0 ? 10.2 : 0.05;
                double gasMl = 1.1 * maxMlPerG * Math.Exp(-Math.Exp((2.02 * Math.E / 10.2 * (1.27 - days)) + 1));
                double temperatureC = 50 + (0.2 * Math.Sin(days * 2 * Math.PI * 24)) + (0.01 * (random.NextDouble() - 0.5));
                double moles = baselineMoles + IdealGas.Moles(101_325, gasMl, 0);
                double pressurePa = (moles * IdealGas.MolarGasConstant * (temperatureC + IdealGas.ZeroCelsiusK) / (GasVolumeMl * 1e-6))
                    + WaterVapour.SaturationPressurePa(temperatureC) + (2 * (random.NextDouble() - 0.5));
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{time},P{p + 1:00},{pressurePa:F2},{temperatureC:F2}\n"));
            }
        }
    }

    private static string Experiment(int pouches)
    {
        var entries = Enumerable.Range(1, pouches).Select(p =>
            $$"""    { "id": "P{{p:00}}", "sample": "{{(p % 4 == 1 ? "mSi" : "mSi@NHC-700-10")}}", "slurryMassG": 1.1, "vessel": { "kind": "headspace", "gasVolumeMl": {{GasVolumeMl}} } }""");
        return $$"""{ "experiment": "bench", "pouches": [{{Environment.NewLine}}{{string.Join("," + Environment.NewLine, entries)}}{{Environment.NewLine}}] }""";
    }
}
