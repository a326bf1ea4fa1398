using System.ComponentModel.DataAnnotations;

namespace PouchMonitor.Host.Storage;

/// <summary>Where the durable local store lives.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>Default of <see cref="BusyTimeout"/>.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Folder of the SQLite database (created when missing).</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// SQLite's synchronous mode; <see cref="SqliteSynchronous.Full"/> unless a measurement (docs/performance.md)
    /// says the risk of <see cref="SqliteSynchronous.Normal"/> is worth it.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>
    /// How long a write waits for another writer's lock before it fails (and the batch is not acknowledged);
    /// SQLite's command timeout rounds it up to whole seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = DefaultBusyTimeout;
}
