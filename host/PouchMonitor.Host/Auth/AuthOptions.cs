namespace PouchMonitor.Host.Auth;

/// <summary>Who may read without signing in.</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>
    /// Whether the dashboard and the read endpoints are open to anyone who reaches the port. Unset: open while every
    /// HTTP address is loopback, closed once one is not (see <see cref="LoopbackBinding"/>) and always with <c>--lan</c>.
    /// </summary>
    public bool? OpenReads { get; set; }
}
