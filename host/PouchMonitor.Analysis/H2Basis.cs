namespace PouchMonitor.Analysis;

/// <summary>How a point's H₂ fraction was obtained from the GC results.</summary>
public enum H2Basis
{
    /// <summary>At a GC time, or the baseline (0 % unless a GC result there says otherwise).</summary>
    Measured,

    /// <summary>Linear in time between two known points.</summary>
    Interpolated,

    /// <summary>After the last GC time: the last measured value, held.</summary>
    Extrapolated,
}
