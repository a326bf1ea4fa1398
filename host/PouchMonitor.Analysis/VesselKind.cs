namespace PouchMonitor.Analysis;

/// <summary>How the sensor sees the gas; see docs/measurement-model.md.</summary>
public enum VesselKind
{
    /// <summary>The sensor reads the gas above the slurry in a rigid vessel of known gas volume.</summary>
    Headspace,

    /// <summary>The sensor reads the dry gas of a rigid jar around the sealed pouch, which the swelling pouch compresses.</summary>
    PouchInJar,
}
