namespace PouchMonitor.Host.Devices;

/// <summary>A device that may log in to the embedded broker with a credential of its own (the password is never kept).</summary>
/// <param name="DeviceId">The device id, which is also its MQTT user name.</param>
/// <param name="CreatedAt">When <c>pouchmon device add</c> made the credential.</param>
public sealed record DeviceCredential(string DeviceId, DateTimeOffset CreatedAt);
