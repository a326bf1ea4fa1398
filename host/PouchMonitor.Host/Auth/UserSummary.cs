namespace PouchMonitor.Host.Auth;

/// <summary>A user as the admin's list shows it.</summary>
public sealed record UserSummary(string Name, string Role);
