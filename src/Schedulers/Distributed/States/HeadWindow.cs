namespace LazyDist.Distributed.States;

/// <summary>
/// The node heads one center–worker connection has carried, kept by both ends under one rule: a
/// head is added when its bytes travel, and the oldest go first once more than <see cref="MaxHeads"/>
/// heads or <see cref="MaxBytes"/> bytes are kept. The center adds a head just before it sends its
/// bytes and the worker just after it reads them, in one order on one connection, so both windows
/// hold the same heads at every message and a task can name its head by id alone. A new connection
/// starts both ends from empty ones.
/// </summary>
/// <typeparam name="TKey">What finds a head: the center's own head array, or the worker's id.</typeparam>
internal sealed class HeadWindow<TKey>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    /// <summary>The most heads kept.</summary>
    public const int MaxHeads = 4096;

    /// <summary>The most head bytes kept.</summary>
    public const long MaxBytes = 16 << 20;

    private readonly Dictionary<TKey, (long Id, byte[] Head)> _heads = new(comparer);
    private readonly Queue<TKey> _order = new();
    private long _bytes;

    /// <summary>The number of heads kept.</summary>
    public int Count => _heads.Count;

    /// <summary>The head kept under <paramref name="key"/>, if any; looking does not change the window.</summary>
    public bool TryGet(TKey key, out long id, out byte[] head)
    {
        if (_heads.TryGetValue(key, out var kept))
        {
            (id, head) = kept;
            return true;
        }
        (id, head) = (0, []);
        return false;
    }

    /// <summary>Keeps a head that just travelled, then drops the oldest beyond the bounds.</summary>
    /// <exception cref="ArgumentException">A head is already kept under <paramref name="key"/>.</exception>
    public void Add(TKey key, long id, byte[] head)
    {
        _heads.Add(key, (id, head));
        _order.Enqueue(key);
        _bytes += head.Length;
        while (_heads.Count > MaxHeads || _bytes > MaxBytes)
        {
            var oldest = _order.Dequeue();
            _bytes -= _heads[oldest].Head.Length;
            _heads.Remove(oldest);
        }
    }
}
