namespace PouchMonitor.Host.Conversion;

/// <summary>
/// Sorts any number of readings by pouch, time and line in bounded memory: runs of
/// <see cref="RunLength"/> records are sorted in memory and spilled to temporary files, then merged.
/// </summary>
internal sealed class ExternalReadingSorter : IDisposable
{
    private const int FileBufferBytes = 1 << 16;
    private readonly ReadingRecord[] _run;
    private readonly List<string> _spilled = [];
    private readonly string _directory;
    private int _count;

    /// <param name="runLength">Records sorted in memory at once (40 bytes each).</param>
    public ExternalReadingSorter(int runLength = 1 << 19)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runLength, 1);
        _run = new ReadingRecord[runLength];
        _directory = Path.Combine(Path.GetTempPath(), "pouchmon-sort-" + Guid.NewGuid().ToString("N"));
    }

    public int RunLength => _run.Length;

    public void Add(ReadingRecord record)
    {
        if (_count == _run.Length)
        {
            Spill();
        }

        _run[_count++] = record;
    }

    /// <summary>All records added, in order. Call once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<ReadingRecord> Sorted()
    {
        if (_spilled.Count == 0)
        {
            Array.Sort(_run, 0, _count);
            return _run.Take(_count);
        }

        if (_count > 0)
        {
            Spill();
        }

        return Merge();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void Spill()
    {
        Array.Sort(_run, 0, _count);
        Directory.CreateDirectory(_directory);
        string path = Path.Combine(_directory, $"run-{_spilled.Count}.bin");
        using (var writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileBufferBytes)))
        {
            for (int i = 0; i < _count; i++)
            {
                _run[i].WriteTo(writer);
            }
        }

        _spilled.Add(path);
        _count = 0;
    }

    private IEnumerable<ReadingRecord> Merge()
    {
        var readers = _spilled
            .Select(p => new BinaryReader(new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferBytes, FileOptions.SequentialScan)))
            .ToList();
        try
        {
            var heads = new PriorityQueue<int, ReadingRecord>(readers.Count);
            for (int i = 0; i < readers.Count; i++)
            {
                Advance(readers[i], i, heads);
            }

            while (heads.TryDequeue(out int index, out var record))
            {
                yield return record;
                Advance(readers[index], index, heads);
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    private static void Advance(BinaryReader reader, int index, PriorityQueue<int, ReadingRecord> heads)
    {
        if (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            heads.Enqueue(index, ReadingRecord.ReadFrom(reader));
        }
    }
}
