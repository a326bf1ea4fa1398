namespace PouchMonitor.Analysis;

/// <summary>How the gas an event removes is taken across its settle time (experiment.json `eventGap`).</summary>
public enum EventGap
{
    /// <summary>ΔN = before − after: the gas made between the two windows is lost (the measurement model's formula; default).</summary>
    Hold,

    /// <summary>The before window's trend is carried to the after window: the gas made meanwhile is kept.</summary>
    Extrapolate,
}
