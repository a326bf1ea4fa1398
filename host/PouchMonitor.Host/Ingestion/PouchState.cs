using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Ingestion;

/// <summary>A pouch's live calculator and the time of the last reading it was fed.</summary>
internal sealed class PouchState(PouchGasCalculator calculator)
{
    public PouchGasCalculator Calculator { get; } = calculator;

    public DateTimeOffset LastTime { get; set; } = DateTimeOffset.MinValue;
}
