namespace PouchMonitor.Host.Storage;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the store.</summary>
public enum SqliteSynchronous
{
    /// <summary>Each commit is on disk before it returns: a power loss cannot undo an acknowledged commit.</summary>
    Full,

    /// <summary>WAL commits are fsynced only at checkpoints: faster, but a power loss can undo acknowledged commits.</summary>
    Normal,
}
