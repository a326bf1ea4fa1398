namespace PouchMonitor.Host.Hosting;

/// <summary>What must hold before the host opens its store: a writable data folder and a sound database file.</summary>
public static class StartupChecks
{
    /// <summary>Throws a <see cref="StartupException"/> naming the folder or file when the store cannot be used.</summary>
    public static void CheckDataFolder(string dataFolder)
    {
        var folder = Path.GetFullPath(dataFolder);
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, ".pouchmon-write-check");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Storage:DataFolder '{folder}' is not a writable folder: {e.Message}", e);
        }

        var database = DatabaseIntegrity.PathIn(folder);
        if (File.Exists(database) && DatabaseIntegrity.Check(database, thorough: false) is [var first, ..])
        {
            throw new StartupException(
                $"'{database}' is damaged ({first}); see 'pouchmon db check --data {folder}' and 'pouchmon db recover'");
        }
    }
}
