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
}
