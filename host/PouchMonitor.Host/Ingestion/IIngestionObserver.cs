using PouchMonitor.Contracts;

namespace PouchMonitor.Host.Ingestion;

/// <summary>
/// Told of every valid device message after it is stored: the last step of transport → decoding → storage → observers.
/// An observer must not throw and must return quickly; ingestion never depends on what observes it.
/// </summary>
public interface IIngestionObserver
{
    /// <summary>A valid reading batch, stored.</summary>
    void OnReadings(ReadingBatch batch, DateTimeOffset receivedAt);

    /// <summary>A valid status message.</summary>
    void OnStatus(DeviceStatus status, DateTimeOffset receivedAt);

    /// <summary>A valid configuration report.</summary>
    void OnConfig(DeviceConfig config, DateTimeOffset receivedAt);
}
