using PouchMonitor.Analysis;

namespace PouchMonitor.Simulator;

/// <summary>One pouch of a rig: what it is, where its sensor is wired, its vessel and how its slurry gasses.</summary>
/// <param name="Id">Pouch id in the experiment.</param>
/// <param name="Sample">Sample name (for example mSi@NHC-700-5).</param>
/// <param name="DeviceId">The board its sensor is on.</param>
/// <param name="SensorIndex">The sensor's index on that board.</param>
/// <param name="Kind">Vessel kind.</param>
/// <param name="GasVolumeMl">Headspace gas volume, or the jar's gas volume outside the pouch, in mL.</param>
/// <param name="SlurryMassG">Slurry mass, in g.</param>
/// <param name="Kinetics">Gas evolution of the slurry.</param>
/// <param name="Group">Replicate group at the host (null: none).</param>
/// <param name="IsBlank">A blank: a vessel without silicon, subtracted from the rig's other vessels of its kind.</param>
public sealed record RigPouchSpec(
    string Id, string Sample, string DeviceId, int SensorIndex, VesselKind Kind, double GasVolumeMl, double SlurryMassG, GompertzKinetics Kinetics,
    string? Group = null, bool IsBlank = false);
