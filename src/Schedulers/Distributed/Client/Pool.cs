using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// The 2015 prototype's pool (<c>pool.map</c>, <c>pool.apply</c>, <c>RemoteData</c>): work whose
/// results stay on the workers that made them, as <see cref="RemoteData{T}"/> proxies, until
/// <see cref="Delete{T}(IEnumerable{RemoteData{T}})"/>. Later work on a proxy runs where its data
/// is, so only what <see cref="RemoteData{T}.Get"/> fetches crosses the network. Every call gets
/// unique keys, like the prototype's; calls return at once.
/// </summary>
/// <example>
/// <code>
/// var a = pool.Map(i => Chunks.Random(1_000_000, Chunks.Seed(42, i)), Enumerable.Range(0, 1000));
/// var b = pool.Map(Chunks.Sum, a);                 // runs where each array is
/// var total = pool.Apply(sums => sums.Sum(), b);   // only the sums move
/// double t = total.Get();
/// pool.Delete(a);
/// </code>
/// </example>
public sealed class Pool
{
    private readonly DistributedScheduler _cluster;

    internal Pool(DistributedScheduler cluster) => _cluster = cluster;

    /// <summary>Runs <paramref name="f"/> on each item, one task each; the results stay on the workers.</summary>
    /// <param name="f">The function: a registered built-in (such as <c>Chunks.Sum</c>) travels by name.</param>
    /// <param name="items">The arguments, sent with the tasks.</param>
    /// <returns>One proxy per item, in order.</returns>
    /// <exception cref="NotSupportedException">The function or an item cannot travel; the message says which.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public IReadOnlyList<RemoteData<TResult>> Map<TArg, TResult>(Func<TArg, TResult> f, IEnumerable<TArg> items)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(items);
        return Run<TResult>(f, Invokers.Create(f), [.. items.Select(i => new[] { TaskArg.FromValue(i) })]);
    }

    /// <summary>Runs <paramref name="f"/> on each held value, each on the worker that holds it; the results stay there.</summary>
    /// <inheritdoc cref="Map{TArg, TResult}(Func{TArg, TResult}, IEnumerable{TArg})"/>
    /// <exception cref="InvalidOperationException">An item was deleted.</exception>
    public IReadOnlyList<RemoteData<TResult>> Map<T, TResult>(Func<T, TResult> f, IEnumerable<RemoteData<T>> items)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(items);
        return Run<TResult>(f, Invokers.Create(f), [.. items.Select(i => new[] { Ref(i) })]);
    }

    /// <summary>Runs <paramref name="f"/> on pairs of items from two sequences in step (stopping at the shorter).</summary>
    /// <inheritdoc cref="Map{TArg, TResult}(Func{TArg, TResult}, IEnumerable{TArg})"/>
    public IReadOnlyList<RemoteData<TResult>> Map<T1, T2, TResult>(Func<T1, T2, TResult> f, IEnumerable<T1> first, IEnumerable<T2> second)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Run<TResult>(f, Invokers.Create(f), [.. first.Zip(second, (a, b) => new[] { TaskArg.FromValue(a), TaskArg.FromValue(b) })]);
    }

    /// <summary>Runs <paramref name="f"/> once on all the held values, as one array; the result stays on the worker.</summary>
    /// <param name="f">The function of the values' array.</param>
    /// <param name="items">The values; they move to the worker that runs <paramref name="f"/> (the one holding most of their bytes).</param>
    /// <returns>The result's proxy.</returns>
    /// <exception cref="InvalidOperationException">An item was deleted.</exception>
    /// <exception cref="NotSupportedException">The function cannot travel.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public RemoteData<TResult> Apply<T, TResult>(Func<T[], TResult> f, IReadOnlyList<RemoteData<T>> items)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(items);
        return Run<TResult>(f, Invokers.Create(f), [[new ArgList(items.Select(Ref))]])[0];
    }

    /// <summary>Deletes the values from the cluster now (idempotent); a graph still running on one keeps it until it is done.</summary>
    /// <exception cref="ArgumentException">A value of another cluster.</exception>
    public void Delete<T>(IEnumerable<RemoteData<T>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var leases = items.Select(i => (i ?? throw new ArgumentNullException(nameof(items))).Lease).ToList();
        foreach (var lease in leases)
        {
            if (!ReferenceEquals(lease.Client, _cluster))
                throw new ArgumentException($"key {lease.Pending.Key} is held by another client ({lease.Client}), not by this pool's ({_cluster})", nameof(items));
        }
        _cluster.Release([.. leases.Where(l => l.Forget()).Select(l => l.Pending)]);
    }

    /// <summary>Deletes one value from the cluster now (idempotent).</summary>
    /// <exception cref="ArgumentException">A value of another cluster.</exception>
    public void Delete<T>(RemoteData<T> item) => Delete([item]);

    /// <inheritdoc/>
    public override string ToString() => $"Pool<center={_cluster.CenterAddress}>";

    private TaskArg Ref<T>(RemoteData<T> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ToTaskArg(_cluster);
    }

    private RemoteData<TResult>[] Run<TResult>(Delegate f, Func<object?[], object?> invoke, TaskArg[][] calls)
    {
        var interests = _cluster.SubmitCalls(OpRef.FromDelegate(f, invoke), calls, new CallNaming(Pure: false, Indexed: calls.Length > 1));
        return [.. interests.Select(p => new RemoteData<TResult>(new KeyLease(_cluster, p)))];
    }
}
