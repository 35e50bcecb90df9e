namespace LazyDist.Collections;

/// <summary>Sorts the partition stably by <paramref name="comparison"/> (equal elements keep their order), then passes at most <paramref name="limit"/> on.</summary>
internal sealed class SortStage<T>(Comparison<T> comparison, int limit, Sink<T> next) : Stage<T, T>(next)
{
    private ItemBuffer<T> _items = new(0);

    public override bool Push(T item)
    {
        _items.Add(item);
        return true;
    }

    public override void Complete()
    {
        var items = _items.ToBlock().Items.ToArray();
        Sources.PushAll<T>(StableSort(items, comparison).AsSpan(0, Math.Min(limit, items.Length)), Next);
        Next.Complete();
    }

    public static T[] StableSort(T[] items, Comparison<T> comparison)
    {
        var order = new int[items.Length];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            int c = comparison(items[a], items[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var sorted = new T[items.Length];
        for (int i = 0; i < sorted.Length; i++)
            sorted[i] = items[order[i]];
        return sorted;
    }
}

/// <summary>Orderings as closures that capture only the user's key selectors.</summary>
internal static class Orderings<T>
{
    public static Comparison<T> Then<TKey>(Comparison<T>? previous, Func<T, TKey> key, bool descending) => (a, b) =>
    {
        if (previous is not null && previous(a, b) is var c && c != 0)
            return c;
        int r = Comparer<TKey>.Default.Compare(key(a), key(b));
        return descending ? -r : r;
    };

    public static Func<Sink<T>, object?, Sink<T>> Sort(Comparison<T> comparison, int limit) => (next, _) => new SortStage<T>(comparison, limit, next);

    /// <summary>The output partition of an element: how many boundaries are smaller than it (equal elements go together).</summary>
    public static Func<object?, Func<T, int>> ByBoundaries(Comparison<T> comparison) => boundaries =>
    {
        var sorted = Graph.Blocks.ElementBlock.Of<T>(boundaries).Items.ToArray();
        return x =>
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (comparison(sorted[mid], x) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo;
        };
    };

    /// <summary>Picks <c>outputs − 1</c> boundaries at equal steps of weight among the partitions' samples, each sample weighing its partition's count over its sample size.</summary>
    public static Func<object?[], object?[], Graph.Blocks.ElementBlock<T>> Boundaries(Comparison<T> comparison, int outputs) => (samples, counts) =>
    {
        var weighted = new List<(T Item, double Weight)>();
        for (int i = 0; i < samples.Length; i++)
        {
            var sample = Graph.Blocks.ElementBlock.Of<T>(samples[i]);
            foreach (var item in sample.Span)
                weighted.Add((item, (double)(long)counts[i]! / sample.Count));
        }
        var sorted = SortStage<(T Item, double Weight)>.StableSort([.. weighted], (a, b) => comparison(a.Item, b.Item));
        double total = sorted.Sum(s => s.Weight), seen = 0;
        var chosen = new List<T>(outputs - 1);
        int next = 1;
        foreach (var (item, weight) in sorted)
        {
            seen += weight;
            while (next < outputs && seen >= total * next / outputs)
            {
                chosen.Add(item);
                next++;
            }
        }
        return new Graph.Blocks.ElementBlock<T>([.. chosen], chosen.Count);
    };

    /// <summary>A source that pushes about <c>count</c> evenly spaced elements of a partition.</summary>
    public static readonly Func<object?, object, bool> Sample = static (input, head) =>
    {
        var args = (object?[])input!;
        var block = Graph.Blocks.ElementBlock.Of<T>(args[0]).Span;
        int count = Math.Min((int)args[1]!, block.Length);
        var sink = (Sink<T>)head;
        for (int s = 0; s < count && sink.Push(block[(int)(((long)s * 2 + 1) * block.Length / (2L * count))]); s++)
        {
        }
        sink.Complete();
        return true;
    };
}
