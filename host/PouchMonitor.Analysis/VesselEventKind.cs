namespace PouchMonitor.Analysis;

/// <summary>What an event did to the vessel's gas.</summary>
public enum VesselEventKind
{
    /// <summary>A gas sample was drawn, e.g. with a GC syringe.</summary>
    Sample,

    /// <summary>The vessel was vented.</summary>
    Vent,
}
