namespace PouchMonitor.Host.Tests;

/// <summary>Files of the repository itself (deploy/, docs/), found from the test's output folder.</summary>
internal static class RepositoryPath
{
    public static string Of(string path)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "PouchMonitor.sln")))
        {
            directory = directory.Parent ?? throw new DirectoryNotFoundException("PouchMonitor.sln not found above " + AppContext.BaseDirectory);
        }

        return Path.Combine(directory.FullName, path);
    }
}
