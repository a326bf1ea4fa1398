namespace PouchMonitor.Analysis;

/// <summary>A moment when gas was removed from a vessel.</summary>
/// <param name="Time">When the gas was removed.</param>
/// <param name="Kind">Sample or vent.</param>
/// <param name="Note">Free text, e.g. "GC syringe 0.5 mL".</param>
public sealed record VesselEvent(DateTimeOffset Time, VesselEventKind Kind, string Note = "");
