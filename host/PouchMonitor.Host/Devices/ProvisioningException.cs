namespace PouchMonitor.Host.Devices;

/// <summary>A provisioning request that cannot be carried out; the message names the field in the caller's words.</summary>
public sealed class ProvisioningException : Exception
{
    /// <summary>A request refused for <paramref name="field"/>.</summary>
    public ProvisioningException(string message, ProvisioningField field, bool isConflict)
        : base(message)
    {
        Field = field;
        IsConflict = isConflict;
    }

    /// <summary>An unnamed refusal (for the exception contract).</summary>
    public ProvisioningException()
    {
    }

    /// <summary>A refusal with a message.</summary>
    public ProvisioningException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal with a message and its cause.</summary>
    public ProvisioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The field at fault.</summary>
    public ProvisioningField Field { get; }

    /// <summary>True when the request is valid but clashes with what is stored (the device has a credential already).</summary>
    public bool IsConflict { get; }
}
