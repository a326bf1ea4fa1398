namespace PouchMonitor.Host.Auth;

/// <summary>An API token of a user: only the SHA-256 of the token is stored; revoked tokens stay for the record.</summary>
public sealed class ApiToken
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>Owner (Identity user id); the token acts with the owner's current role.</summary>
    public required string UserId { get; set; }

    /// <summary>What the owner called it, e.g. "GC import script".</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 text.</summary>
    public required string Sha256 { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was revoked; null while it works.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
