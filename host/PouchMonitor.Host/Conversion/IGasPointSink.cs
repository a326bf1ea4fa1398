using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Conversion;

/// <summary>Receives computed gas points pouch by pouch, each pouch's points in time order.</summary>
internal interface IGasPointSink
{
    void Write(PouchSpec pouch, GasPoint point);

    /// <summary>The pouch's last point has been written.</summary>
    void EndPouch(PouchSpec pouch);
}
