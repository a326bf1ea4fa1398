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
    private readonly ReadingRecord[] _byPouch;
    private readonly List<(string Path, int Count)> _spilled = [];
    private readonly string _directory;
    private int _count;

    /// <param name="runLength">Records sorted in memory at once (40 bytes each, twice: the run and a scratch copy).</param>
    public ExternalReadingSorter(int runLength = 1 << 19)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runLength, 1);
        _run = new ReadingRecord[runLength];
        _byPouch = new ReadingRecord[runLength];
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
            SortRun();
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

    /// <summary>
    /// Sorts the run: a counting sort by pouch (stable, so each pouch keeps file order), then a sort of each
    /// pouch's readings only where they are not already in time order, which loggers usually write them in.
    /// </summary>
    private void SortRun()
    {
        var records = _run.AsSpan(0, _count);
        int pouches = 0;
        foreach (var record in records)
        {
            pouches = Math.Max(pouches, record.PouchIndex + 1);
        }

        var starts = new int[pouches + 1];
        foreach (var record in records)
        {
            starts[record.PouchIndex + 1]++;
        }

        for (int p = 1; p <= pouches; p++)
        {
            starts[p] += starts[p - 1];
        }

        var next = (int[])starts.Clone();
        foreach (var record in records)
        {
            _byPouch[next[record.PouchIndex]++] = record;
        }

        _byPouch.AsSpan(0, _count).CopyTo(records);
        for (int p = 0; p < pouches; p++)
        {
            var pouch = records[starts[p]..starts[p + 1]];
            if (!IsSorted(pouch))
            {
                pouch.Sort();
            }
        }
    }

    private static bool IsSorted(ReadOnlySpan<ReadingRecord> records)
    {
        for (int i = 1; i < records.Length; i++)
        {
            if (records[i - 1].CompareTo(records[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private void Spill()
    {
        SortRun();
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
