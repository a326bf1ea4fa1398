namespace PouchMonitor.Host.Cli;

/// <summary>Checks a file a verb will write before any work is done, so a bad path fails at once and by its option name.</summary>
internal static class OutputPath
{
    /// <summary>Why <paramref name="path"/> cannot be written as a file, naming <paramref name="option"/>; null when it can be tried.</summary>
    public static string? Problem(string option, string? path)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        return Directory.Exists(full) ? $"{option} '{full}' is a folder, not a file"
            : folder is not null && !Directory.Exists(folder) ? $"{option} '{full}': folder '{folder}' does not exist"
            : null;
    }
}
