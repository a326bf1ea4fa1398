namespace PouchMonitor.Host.Auth;

/// <summary>The three roles: a viewer reads, an operator also writes lab entries, an admin also manages users.</summary>
public static class Roles
{
    /// <summary>Reads dashboards and the API.</summary>
    public const string Viewer = "viewer";

    /// <summary>Also records events, GC results and tares, and acknowledges alerts.</summary>
    public const string Operator = "operator";

    /// <summary>Also adds users.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, weakest first.</summary>
    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    /// <summary>Roles that may write lab entries.</summary>
    public static readonly IReadOnlyList<string> Writers = [Operator, Admin];
}
