using System.Diagnostics;

namespace PouchMonitor.TestSupport;

/// <summary>
/// Figures of the reliability suites, one Markdown table row each (<c>| suite | case | figures |</c>), appended to
/// <c>$POUCHMON_FIGURES/&lt;test module&gt;.md</c>: one file per test module, written under one lock, so rows never
/// interleave; <c>./test.sh</c> merges the files into <c>artifacts/reliability.md</c>. Without the variable (a plain
/// <c>dotnet test</c>) the rows go to the trace only.
/// </summary>
public static class Figures
{
    /// <summary>The environment variable naming the folder of the figure files.</summary>
    public const string Variable = "POUCHMON_FIGURES";

    private static readonly Lock Sync = new();

    /// <summary>Appends one row: <paramref name="figures"/> of <paramref name="testCase"/> in <paramref name="suite"/>.</summary>
    public static void Add(string suite, string testCase, string figures)
    {
        var row = $"| {suite} | {testCase} | {figures} ({SuiteSize.Form} form) |";
        Trace.WriteLine(row);
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        var module = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "tests";
        lock (Sync)
        {
            Directory.CreateDirectory(folder);
            File.AppendAllLines(Path.Combine(folder, module + ".md"), [row]);
        }
    }
}
