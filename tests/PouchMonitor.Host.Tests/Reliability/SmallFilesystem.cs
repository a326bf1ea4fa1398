using System.Diagnostics;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// A size-limited tmpfs mounted for one test (needs root, or the capability to mount), and a filler file that takes
/// its last free byte: a disk that fills up under a running host and is freed again.
/// </summary>
internal sealed class SmallFilesystem : IDisposable
{
    private const string SizeOption = "size=64m";

    private SmallFilesystem(string path) => Path = path;

    public string Path { get; }

    private string FillerPath => System.IO.Path.Combine(Path, "filler");

    /// <summary>Mounts a fresh one; null with the reason when mounting is not permitted here.</summary>
    public static SmallFilesystem? TryMount(out string reason)
    {
        var path = Directory.CreateTempSubdirectory("pouchmon-small-fs-").FullName;
        var (exitCode, output) = Run("mount", "-t", "tmpfs", "-o", SizeOption, "tmpfs", path);
        if (exitCode == 0)
        {
            reason = "";
            return new SmallFilesystem(path);
        }

        Directory.Delete(path);
        reason = $"mount -t tmpfs -o {SizeOption} failed (exit {exitCode}: {output.Trim()}): a size-limited filesystem needs root or CAP_SYS_ADMIN";
        return null;
    }

    /// <summary>Writes the filler until the filesystem refuses another byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(FillerPath, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        foreach (var chunk in new[] { 1 << 20, 1 << 12, 1 })
        {
            var block = new byte[chunk];
            try
            {
                while (true)
                {
                    filler.Write(block);
                    filler.Flush();
                }
            }
            catch (IOException)
            {
                // Full at this chunk size: go on with a smaller one.
            }
        }
    }

    /// <summary>Removes the filler.</summary>
    public void Free() => File.Delete(FillerPath);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
