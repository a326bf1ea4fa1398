namespace PouchMonitor.Host.Devices;

/// <summary>A device that may log in to the embedded broker with a credential of its own (the password is never kept).</summary>
/// <param name="DeviceId">The device id, which is also its MQTT user name.</param>
/// <param name="Label">What the lab calls the board ("oven 1, left shelf"), or null.</param>
/// <param name="CreatedAt">When the credential was made (<c>pouchmon device add</c> or the devices page).</param>
public sealed record DeviceCredential(string DeviceId, string? Label, DateTimeOffset CreatedAt);
