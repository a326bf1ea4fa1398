namespace PouchMonitor.Host.Tests.Deploy;

/// <summary>Files of the repository the tests were built from, found above the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string PathOf(string relativePath)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "PouchMonitor.sln")))
        {
            directory = directory.Parent ?? throw new DirectoryNotFoundException("PouchMonitor.sln not found above " + AppContext.BaseDirectory);
        }

        return Path.Combine(directory.FullName, relativePath);
    }
}
