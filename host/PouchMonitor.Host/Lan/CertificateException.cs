namespace PouchMonitor.Host.Lan;

/// <summary>A certificate setting or file the host cannot start with; its message names the key and the path.</summary>
public sealed class CertificateException(string message, Exception? innerException = null) : Exception(message, innerException);
