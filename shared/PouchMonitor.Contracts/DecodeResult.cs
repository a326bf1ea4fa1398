using System.Diagnostics.CodeAnalysis;

namespace PouchMonitor.Contracts;

/// <summary>Outcome of decoding a payload: the value, or the reason it was rejected.</summary>
/// <typeparam name="T">The decoded payload type.</typeparam>
public sealed class DecodeResult<T>
    where T : class
{
    private DecodeResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The decoded value; null when rejected.</summary>
    public T? Value { get; }

    /// <summary>One line saying why the payload was rejected (kept with the quarantined message); null when valid.</summary>
    public string? Error { get; }

    /// <summary>True when the payload was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Value is not null;

    /// <summary>An accepted payload.</summary>
    public static DecodeResult<T> Valid(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A rejected payload.</summary>
    public static DecodeResult<T> Invalid(string error) => new(null, error);
}
