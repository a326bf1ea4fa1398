namespace PouchMonitor.Simulator;

/// <summary>The oven door open at <paramref name="At"/> (from the start of the run) for <paramref name="Duration"/>.</summary>
/// <param name="At">When the door opens, from the start of the run.</param>
/// <param name="Duration">How long it stays open.</param>
/// <param name="DropC">How far the air in the oven falls while it is open, in °C; it recovers exponentially after.</param>
public sealed record DoorOpening(TimeSpan At, TimeSpan Duration, double DropC);
