using System.Globalization;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// The soak's first and last sample of each figure and its least-squares slope per rig day and per wall-clock hour,
/// fitted from the second sample on: the first holds start-up and JIT.
/// </summary>
internal static class SoakSummary
{
    public static void Print(List<SoakSample> samples)
    {
        Console.WriteLine();
        if (samples.Count == 0)
        {
            Console.WriteLine("no sample taken");
            return;
        }

        var fitted = samples.Count >= 3 ? samples.Skip(1).ToList() : samples;
        Console.WriteLine($"{"figure",-22} {"first",9} {"last",9} {"slope per rig day",17} {"slope per hour",15}");
        PrintTrend("readings/s", samples, fitted, s => s.Rate);
        PrintTrend("CPU ms/reading", samples, fitted, s => s.CpuMsPerReading);
        PrintTrend("queued readings", samples, fitted, s => s.QueuedReadings);
        PrintTrend("working set MB", samples, fitted, s => s.WorkingSetMb);
        PrintTrend("live managed MB", samples, fitted, s => s.LiveManagedMb);
        PrintTrend("GC committed MB", samples, fitted, s => s.GcCommittedMb);
        PrintTrend("SQLite MB", samples, fitted, s => s.SqliteMb);
        PrintTrend("database MB", samples, fitted, s => s.DatabaseMb);
        PrintTrend("outbox lines", samples, fitted, s => s.OutboxLines);
        Console.WriteLine($"slopes fitted over samples {samples.Count - fitted.Count + 1}–{samples.Count}");
    }

    private static void PrintTrend(string name, List<SoakSample> samples, List<SoakSample> fitted, Func<SoakSample, double> figure) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {figure(samples[0]),9:G4} {figure(samples[^1]),9:G4} "
            + $"{Slope(fitted, s => s.RigDay, figure),17:+0.####;-0.####;0} {Slope(fitted, s => s.Minute / 60, figure),15:+0.####;-0.####;0}"));

    private static double Slope(List<SoakSample> samples, Func<SoakSample, double> x, Func<SoakSample, double> y)
    {
        var (xMean, yMean) = (samples.Average(x), samples.Average(y));
        var spread = samples.Sum(s => (x(s) - xMean) * (x(s) - xMean));
        return spread == 0 ? double.NaN : samples.Sum(s => (x(s) - xMean) * (y(s) - yMean)) / spread;
    }
}
