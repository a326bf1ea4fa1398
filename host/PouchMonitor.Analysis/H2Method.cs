namespace PouchMonitor.Analysis;

/// <summary>How H₂ between GC samples is obtained (experiment.json `h2Method`); see docs/measurement-model.md.</summary>
public enum H2Method
{
    /// <summary>The vessel's H₂ fraction, linear in time between GC samples (the biogas-compatible method; default).</summary>
    VesselFraction,

    /// <summary>The H₂ share of the evolved gas, linear in time between GC samples; the trapped air is taken as inert.</summary>
    EvolvedShare,
}
