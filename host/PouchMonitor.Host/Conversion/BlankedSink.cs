using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Conversion;

/// <summary>Passes each point through the blanks on its way to the output.</summary>
internal sealed class BlankedSink(PouchBlanks blanks, IGasPointSink output) : IGasPointSink
{
    public void Write(PouchSpec pouch, GasPoint point) => output.Write(pouch, blanks.Pass(pouch, point));

    public void EndPouch(PouchSpec pouch) => output.EndPouch(pouch);
}
