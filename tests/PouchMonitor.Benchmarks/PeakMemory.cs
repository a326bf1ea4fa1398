using System.Globalization;

namespace PouchMonitor.Benchmarks;

internal static class PeakMemory
{
    /// <summary>This process's peak resident set size in MB (VmHWM of /proc/self/status).</summary>
    public static double ResidentMb()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
