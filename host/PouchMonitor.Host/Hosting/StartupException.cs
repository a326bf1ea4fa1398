namespace PouchMonitor.Host.Hosting;

/// <summary>A setting or a file the host cannot start with; its message is the one line the user sees.</summary>
public sealed class StartupException(string message, Exception? innerException = null) : Exception(message, innerException);
