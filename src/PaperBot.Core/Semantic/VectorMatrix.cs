namespace PaperBot.Core.Semantic;

/// <summary>
/// Every stored paper's vector in one contiguous array, row after row (20,000 papers x 384 floats are 30 MB), so a
/// scan reads memory front to back with no pointer chasing. Rows are appended or replaced under a lock; a scan
/// works on the rows present when it starts and needs no lock while it runs.
/// </summary>
internal sealed class VectorMatrix(int dimensions, int capacity = 1024)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _rowOf = new(capacity, StringComparer.Ordinal);
    private string[] _ids = new string[Math.Max(capacity, 16)];
    private float[] _rows = new float[dimensions * Math.Max(capacity, 16)];
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Set(string arxivId, ReadOnlySpan<float> vector)
    {
        if (vector.Length != dimensions)
        {
            throw new ArgumentException($"a vector of {vector.Length} dimensions cannot join rows of {dimensions}", nameof(vector));
        }

        lock (_gate)
        {
            if (!_rowOf.TryGetValue(arxivId, out var row))
            {
                row = _count;
                if (row == _ids.Length)
                {
                    // Scans in progress keep the old arrays, which hold every row they were started with. A quarter
                    // more each time: the store grows by a poll's papers, and doubling 30 MB would strand 30 MB.
                    var more = Math.Max(_ids.Length / 4, 1024);
                    var grown = new float[_rows.Length + (more * dimensions)];
                    _rows.AsSpan(0, row * dimensions).CopyTo(grown);
                    _rows = grown;
                    Array.Resize(ref _ids, _ids.Length + more);
                }

                _rowOf[arxivId] = row;
                _ids[row] = arxivId;
                _count++;
            }

            vector.CopyTo(_rows.AsSpan(row * dimensions, dimensions));
        }
    }

    /// <summary>A copy of the paper's vector, or null when it has none.</summary>
    public float[]? Find(string arxivId)
    {
        lock (_gate)
        {
            return _rowOf.TryGetValue(arxivId, out var row) ? _rows.AsSpan(row * dimensions, dimensions).ToArray() : null;
        }
    }

    /// <summary>The rows present now: the array, how many rows it holds, and their ids.</summary>
    private (float[] Rows, int Count, string[] Ids) Snapshot()
    {
        lock (_gate)
        {
            return (_rows, _count, _ids);
        }
    }

    /// <summary>The <paramref name="top"/> rows closest to <paramref name="query"/> that <paramref name="include"/> accepts, closest first.</summary>
    public List<(string ArxivId, float Closeness)> Closest(ReadOnlySpan<float> query, int top, Func<string, bool>? include)
    {
        var (data, present, names) = Snapshot();
        var ranked = new PriorityQueue<int, float>(top + 1);
        var floor = float.NegativeInfinity;
        for (var row = 0; row < present; row++)
        {
            var closeness = VectorMath.Dot(query, data.AsSpan(row * dimensions, dimensions));
            if (closeness <= floor || (include is not null && !include(names[row])))
            {
                continue;
            }

            ranked.Enqueue(row, closeness);
            if (ranked.Count > top)
            {
                ranked.Dequeue();
                ranked.TryPeek(out _, out floor);
            }
        }

        var result = new List<(string, float)>(ranked.Count);
        while (ranked.TryDequeue(out var row, out var closeness))
        {
            result.Add((names[row], closeness));
        }

        result.Reverse();
        return result;
    }

    /// <summary>The mean and standard deviation of every row's closeness to <paramref name="query"/>.</summary>
    public (float Mean, float Spread, int Count) Background(ReadOnlySpan<float> query)
    {
        var (data, present, _) = Snapshot();
        double sum = 0, squares = 0;
        for (var row = 0; row < present; row++)
        {
            double closeness = VectorMath.Dot(query, data.AsSpan(row * dimensions, dimensions));
            sum += closeness;
            squares += closeness * closeness;
        }

        var mean = present == 0 ? 0 : sum / present;
        var variance = present == 0 ? 0 : Math.Max(0, (squares / present) - (mean * mean));
        return ((float)mean, (float)Math.Sqrt(variance), present);
    }
}
