using CsvHelper;

namespace PouchMonitor.Host.Conversion;

/// <summary>Writes rejects.csv: the line number and the reason of every readings row not used.</summary>
internal sealed class RejectsCsvWriter : IDisposable
{
    private readonly CsvWriter? _writer;

    /// <param name="path">rejects.csv, or null to only count.</param>
    public RejectsCsvWriter(string? path)
    {
        if (path is null)
        {
            return;
        }

        _writer = CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\n" });
        _writer.WriteHeader(["line", "reason"]);
    }

    public long Count { get; private set; }

    public void Write(RejectedRow row)
    {
        Count++;
        if (_writer is null)
        {
            return;
        }

        _writer.WriteField(row.Line, "D");
        _writer.WriteField(row.Reason);
        _writer.EndRecord();
    }

    public void Dispose() => _writer?.Dispose();
}
