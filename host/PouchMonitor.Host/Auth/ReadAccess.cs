namespace PouchMonitor.Host.Auth;

/// <summary>Whether reads are open to anonymous requests, as decided at start (<see cref="AuthOptions.OpenReads"/>).</summary>
public sealed record ReadAccess(bool Open);
