namespace PouchMonitor.Host.Tests.Conversion;

/// <summary>A temporary folder with input files for one test, deleted afterwards.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("pouchmon-test-").FullName;
    }

    public string Directory { get; }

    public static string Example(string name, string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "Examples", name, file);

    public string Path(string file) => System.IO.Path.Combine(Directory, file);

    public string Write(string file, string text)
    {
        string path = Path(file);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
