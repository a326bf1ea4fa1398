using System.Runtime.InteropServices;

namespace PouchMonitor.Host.Conversion;

/// <summary>
/// Sorts any number of readings by pouch, time and line in bounded memory: runs of
/// <see cref="RunLength"/> records are sorted in memory and spilled to temporary files, then merged.
/// </summary>
internal sealed class ExternalReadingSorter : IDisposable
{
    private const int MergeBufferRecords = 4096;
    private readonly ReadingRecord[] _run;
    private readonly List<(string Path, int Count)> _spilled = [];
    private readonly string _directory;
    private int _count;

    /// <param name="runLength">Records sorted in memory at once (40 bytes each).</param>
    public ExternalReadingSorter(int runLength = 1 << 19)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runLength, 1);
        _run = new ReadingRecord[runLength];
        _directory = Path.Combine(Path.GetTempPath(), "pouchmon-sort-" + Guid.NewGuid().ToString("N"));
    }

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
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            file.Write(MemoryMarshal.AsBytes(_run.AsSpan(0, _count)));
        }

        _spilled.Add((path, _count));
        _count = 0;
    }

    private IEnumerable<ReadingRecord> Merge()
    {
        var runs = _spilled.Select(s => new RunReader(s.Path, s.Count)).ToList();
        try
        {
            var heads = new PriorityQueue<RunReader, ReadingRecord>(runs.Count);
            runs.Where(r => r.MoveNext()).ToList().ForEach(r => heads.Enqueue(r, r.Current));
            while (heads.TryDequeue(out var run, out var record))
            {
                yield return record;
                if (run.MoveNext())
                {
                    heads.Enqueue(run, run.Current);
                }
            }
        }
        finally
        {
            runs.ForEach(r => r.Dispose());
        }
    }

    /// <summary>Reads one sorted run back in blocks.</summary>
    private sealed class RunReader(string path, int count) : IDisposable
    {
        private readonly FileStream _file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        private readonly ReadingRecord[] _buffer = new ReadingRecord[Math.Min(count, MergeBufferRecords)];
        private int _remaining = count;
        private int _filled;
        private int _next;

        public ReadingRecord Current => _buffer[_next - 1];

        public bool MoveNext()
        {
            if (_next == _filled)
            {
                if (_remaining == 0)
                {
                    return false;
                }

                _filled = Math.Min(_remaining, _buffer.Length);
                _file.ReadExactly(MemoryMarshal.AsBytes(_buffer.AsSpan(0, _filled)));
                _remaining -= _filled;
                _next = 0;
            }

            _next++;
            return true;
        }

        public void Dispose() => _file.Dispose();
    }
}
