namespace LazyDist.Distributed.Center;

/// <summary>
/// The latest measurements of worker processes' memory, in a ring of fixed size: what a
/// performance report draws over time. Its array is made at the first measurement.
/// Not thread-safe: the center's lock guards it.
/// </summary>
internal sealed class MemoryLog(int capacity)
{
    private (DateTimeOffset Time, string Worker, long ProcessBytes)[]? _ring;
    private long _count;

    public void Add(DateTimeOffset time, string worker, long processBytes)
    {
        _ring ??= new (DateTimeOffset, string, long)[capacity];
        _ring[_count % _ring.Length] = (time, worker, processBytes);
        _count++;
    }

    /// <summary>The measurements still in the ring taken at or after <paramref name="since"/>, oldest first.</summary>
    public List<(DateTimeOffset Time, string Worker, long ProcessBytes)> Since(DateTimeOffset since)
    {
        var samples = new List<(DateTimeOffset, string, long)>();
        if (_ring is null)
            return samples;
        for (long i = Math.Max(0, _count - _ring.Length); i < _count; i++)
        {
            var sample = _ring[i % _ring.Length];
            if (sample.Time >= since)
                samples.Add(sample);
        }
        return samples;
    }
}
