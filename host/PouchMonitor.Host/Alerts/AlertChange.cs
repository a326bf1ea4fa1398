using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Alerts;

/// <summary>An alert that just opened or closed, with the tags of its pouch.</summary>
public sealed record AlertChange(Alert Alert, SeriesTags Tags)
{
    /// <summary>True when it opened, false when it closed.</summary>
    public bool Opened => Alert.ClosedAt is null;
}
