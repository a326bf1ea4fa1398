namespace PouchMonitor.Contracts;

/// <summary>A decoded status message (topic <c>pouchmon/v1/{deviceId}/status</c>, retained).</summary>
/// <param name="DeviceId">The device; equal to the topic's device id.</param>
/// <param name="State">Online or offline.</param>
/// <param name="Boot">The device's boot counter.</param>
/// <param name="Health">Health, present exactly when <paramref name="State"/> is <see cref="DeviceState.Online"/>.</param>
public sealed record DeviceStatus(string DeviceId, DeviceState State, uint Boot, DeviceHealth? Health);
