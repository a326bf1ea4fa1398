namespace PouchMonitor.Host.Conversion;

/// <summary>An input file that is missing, unreadable or unusable as a whole; the message names it.</summary>
public sealed class InputFileException : Exception
{
    /// <summary>Creates the error.</summary>
    public InputFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public InputFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty error.</summary>
    public InputFileException()
    {
    }
}
