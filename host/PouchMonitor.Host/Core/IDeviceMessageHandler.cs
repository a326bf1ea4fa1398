using System.Buffers;

namespace PouchMonitor.Host.Core;

/// <summary>Where both broker modes hand a device's message; the MQTT layer acknowledges it once the task completes.</summary>
public interface IDeviceMessageHandler
{
    /// <summary>
    /// Takes one message; the payload is read before this returns. The task fails only when the message could not be
    /// stored, and then it must not be acknowledged.
    /// </summary>
    Task HandleAsync(string topic, ReadOnlySequence<byte> payload);
}
