namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>What identifies a reading end to end: the board, its boot and the reading's sequence number.</summary>
internal readonly record struct ReadingKey(string Device, uint Boot, uint Sequence);
