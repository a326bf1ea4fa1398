namespace PouchMonitor.Contracts;

/// <summary>Raised inside a decoder when a payload breaks the contract; decoders turn it into a <see cref="DecodeResult{T}"/>.</summary>
internal sealed class ContractViolationException(string message) : Exception(message);
