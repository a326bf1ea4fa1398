namespace PouchMonitor.Contracts;

/// <summary>A decoded reading batch (topic <c>pouchmon/v1/{deviceId}/readings</c>).</summary>
/// <param name="DeviceId">The device that made the readings; equal to the topic's device id.</param>
/// <param name="Boot">The device's boot counter for every reading in the batch.</param>
/// <param name="Readings">
/// 1–128 readings with strictly increasing <see cref="Reading.Sequence"/>. (device, boot, sequence) identifies a
/// reading: a batch replayed after a lost acknowledgement repeats it, and the host drops the repeat.
/// </param>
public sealed record ReadingBatch(string DeviceId, uint Boot, IReadOnlyList<Reading> Readings);
