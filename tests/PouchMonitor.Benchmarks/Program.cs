using System.Diagnostics;
using System.Globalization;
using PouchMonitor.Benchmarks;
using PouchMonitor.Host.Conversion;

// Usage: dotnet run -c Release --project tests/PouchMonitor.Benchmarks -- [--generate DIR] [--pouches 50] [--days 14] [--interval-s 10]
// With --generate it only writes experiment.json and readings.csv into DIR (for profiling or trying convert).
// With --trend it times the dashboard's trend endpoint instead (16 pouches unless --pouches says otherwise).
// With --ingest it measures MQTT ingestion against the raw broker rate: [--boards 25] [--sensors 4] [--seconds 30] per phase,
// [--rate N] offered readings/s in total (default: as fast as the broker acknowledges).
// With --targets it prints issue 10's accuracy targets measured on generated realistic runs and the demo's seed replay
// (no timing; --no-seed-replay leaves the replay out).
// With --flush it times the 24-h flush of one 16-sensor board (138,240 readings) against the raw broker.
// With --soak it runs 100 pouches at a constant load: [--minutes 10] [--rate 400]; CPU per reading and memory over the run.
// With --soak --rig-days N it is accelerated: N rig days of 10-s readings (the first N days before now) at [--rate 6000].
// Each pass runs in a child process of its own so that its peak memory (VmHWM) is its alone.
if (args is ["--child", var pass, var directory])
{
    var watch = Stopwatch.StartNew();
    string readings = Path.Combine(directory, "readings.csv");
    long rows = pass == "convert"
        ? Converter.Run(new ConversionRequest(Path.Combine(directory, "experiment.json"), readings, null, null, Path.Combine(directory, "gas.csv"), null)).RowsRead
        : BareCsvPass.Run(readings, Path.Combine(directory, "copy.csv"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} {watch.Elapsed.TotalSeconds} {PeakMemory.ResidentMb()}"));
    return 0;
}

if (args.Contains("--targets"))
{
    return await TargetsReport.RunAsync(skipSeedReplay: args.Contains("--no-seed-replay")).ConfigureAwait(false);
}

int pouches = Option("--pouches", args.Contains("--trend") ? 16 : 50);
int days = Option("--days", 14);
int intervalS = Option("--interval-s", 10);
if (args is ["--generate", var into, ..])
{
    ReadingsFileGenerator.Write(Directory.CreateDirectory(into).FullName, pouches, TimeSpan.FromDays(days), TimeSpan.FromSeconds(intervalS));
    return 0;
}

string work = Directory.CreateTempSubdirectory("pouchmon-bench-").FullName;
try
{
    if (args.Contains("--ingest"))
    {
        return await IngestBenchmark.RunAsync(work, Option("--boards", 25), Option("--sensors", 4), TimeSpan.FromSeconds(Option("--seconds", 30)), Option("--rate", 0)).ConfigureAwait(false);
    }

    if (args.Contains("--flush"))
    {
        return await FlushBenchmark.RunAsync(work).ConfigureAwait(false);
    }

    if (args.Contains("--soak"))
    {
        var form = args.Contains("--rig-days") ? SoakForm.Accelerated(Option("--rig-days", 14)) : SoakForm.RealTime(TimeSpan.FromMinutes(Option("--minutes", 10)));
        return await SoakBenchmark.RunAsync(work, form, Option("--rate", form.RigDays > 0 ? 6000 : 400)).ConfigureAwait(false);
    }

    if (args.Contains("--trend"))
    {
        return await TrendBenchmark.RunAsync(work, pouches, days, intervalS).ConfigureAwait(false);
    }

    Console.WriteLine($"Generating {pouches} pouches × {days} days at {intervalS} s in {work} …");
    ReadingsFileGenerator.Write(work, pouches, TimeSpan.FromDays(days), TimeSpan.FromSeconds(intervalS));
    var bare = Child("bare", work);
    var convert = Child("convert", work);
    Console.WriteLine();
    Console.WriteLine($"{"pass",-34} {"rows",10} {"seconds",8} {"rows/s",10} {"peak MB",8}");
    Print("bare read+write (CsvHelper)", bare);
    Print("pouchmon convert", convert);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"convert speed / bare speed: {bare.Seconds / convert.Seconds:F2} (target ≥ 0.50)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"convert peak memory: {convert.PeakMb:F0} MB = {convert.PeakMb / bare.PeakMb:F2} × bare (target < 200 MB)"));
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

int Option(string name, int fallback)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static (long Rows, double Seconds, double PeakMb) Child(string pass, string directory)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
    }

    foreach (string arg in new[] { "--child", pass, directory })
    {
        start.ArgumentList.Add(arg);
    }

    using var process = Process.Start(start)!;
    string[] figures = process.StandardOutput.ReadToEnd().Trim().Split(' ');
    process.WaitForExit();
    if (process.ExitCode != 0 || figures.Length != 3)
    {
        throw new InvalidOperationException($"The {pass} pass failed with exit code {process.ExitCode}.");
    }

    return (long.Parse(figures[0], CultureInfo.InvariantCulture), double.Parse(figures[1], CultureInfo.InvariantCulture), double.Parse(figures[2], CultureInfo.InvariantCulture));
}

static void Print(string name, (long Rows, double Seconds, double PeakMb) pass) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {pass.Rows,10} {pass.Seconds,8:F1} {pass.Rows / pass.Seconds,10:F0} {pass.PeakMb,8:F0}"));
