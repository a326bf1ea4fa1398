using System.ComponentModel.DataAnnotations;

namespace PouchMonitor.Host.Storage;

/// <summary>Where the durable local store lives.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>Folder of the SQLite database (created when missing).</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// SQLite's synchronous mode; <see cref="SqliteSynchronous.Full"/> unless a measurement (docs/performance.md)
    /// says the risk of <see cref="SqliteSynchronous.Normal"/> is worth it.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;
}
