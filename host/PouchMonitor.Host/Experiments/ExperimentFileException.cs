namespace PouchMonitor.Host.Experiments;

/// <summary>An experiment file that cannot be used; the message names the file and the JSON path.</summary>
public sealed class ExperimentFileException : Exception
{
    /// <summary>Creates the error.</summary>
    public ExperimentFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public ExperimentFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty error.</summary>
    public ExperimentFileException()
    {
    }
}
