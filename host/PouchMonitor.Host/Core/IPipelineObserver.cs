using PouchMonitor.Analysis;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Core;

/// <summary>
/// Told what the pipeline did, after it is committed: the last step of transport → decoding → storage → derived series →
/// observers. Ingestion, the gas pipeline and the alert engine raise these; the device registry, the alert rules, the
/// dashboard's series cache and live feed observe. An observer must not throw and must return quickly; nothing that
/// raises depends on what observes it. Each member does nothing unless an observer implements it.
/// </summary>
public interface IPipelineObserver
{
    /// <summary>A valid reading batch, stored; <paramref name="placed"/> are the readings it placed in time, in time order.</summary>
    void OnReadings(ReadingBatch batch, IReadOnlyList<StoredReading> placed, DateTimeOffset receivedAt)
    {
    }

    /// <summary>A valid status message.</summary>
    void OnStatus(DeviceStatus status, DateTimeOffset receivedAt)
    {
    }

    /// <summary>A valid configuration report.</summary>
    void OnConfig(DeviceConfig config, DateTimeOffset receivedAt)
    {
    }

    /// <summary>New or rewritten gas points of a pouch (at least one), in time order.</summary>
    void OnPoints(Experiment experiment, ExperimentPouch pouch, IReadOnlyList<GasPoint> points)
    {
    }

    /// <summary>An alert opened, closed or was acknowledged.</summary>
    void OnAlert(Alert alert)
    {
    }
}
