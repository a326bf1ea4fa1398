namespace PouchMonitor.Host.Tests.Storage;

/// <summary>A temporary folder removed at dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pouchmon-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
