using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// Futures (dask.distributed's client API): submit calls, map over inputs, scatter values, gather
/// results, wait as they complete, cancel, persist a graph. Calls are pure by default: equal calls
/// get the same key (from the SHA-256 of the serialized task), so the cluster computes them once.
/// </summary>
public sealed partial class DistributedScheduler
{
    private Pool? _pool;

    /// <summary>The 2015 prototype's pool: <c>Map</c>, <c>Apply</c> and <c>Delete</c> over <see cref="RemoteData{T}"/>.</summary>
    public Pool Pool => _pool ??= new Pool(this);

    /// <summary>Runs <paramref name="f"/> on the cluster (dask's <c>client.submit</c>).</summary>
    /// <param name="f">The function: a registered built-in (such as <c>Chunks.Sum</c>) travels by name.</param>
    /// <param name="pure">Whether equal calls give equal results: pure calls get a key derived from the function and
    /// arguments (so a repeated call reuses the result); impure ones a unique key.</param>
    /// <param name="key">A key to use instead of the derived one.</param>
    /// <param name="retries">How many times the task runs again when its own code throws, before its error reaches
    /// the future (dask's <c>retries=</c>); a lost input or worker never counts. <see cref="Retries"/> when null.</param>
    /// <returns>The result's future; the call returns at once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retries"/> is negative.</exception>
    /// <exception cref="NotSupportedException">The function or an argument cannot travel; the message says which.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public Future<TResult> Submit<TResult>(Func<TResult> f, bool pure = true, TaskKey? key = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Call<TResult>(f, Invokers.Create(f), pure, key, [], retries);
    }

    /// <summary>Runs <paramref name="f"/> on a plain argument, on the cluster.</summary>
    /// <inheritdoc cref="Submit{TResult}(Func{TResult}, bool, TaskKey?, int?)"/>
    public Future<TResult> Submit<T1, TResult>(Func<T1, TResult> f, T1 a1, bool pure = true, TaskKey? key = null, int? retries = null) =>
        Submit(f, ClusterArg<T1>.FromValue(a1), pure, key, retries);

    /// <summary>Runs <paramref name="f"/> on an argument that may be a future or remote data (read where it is held).</summary>
    /// <inheritdoc cref="Submit{TResult}(Func{TResult}, bool, TaskKey?, int?)"/>
    public Future<TResult> Submit<T1, TResult>(Func<T1, TResult> f, ClusterArg<T1> a1, bool pure = true, TaskKey? key = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Call<TResult>(f, Invokers.Create(f), pure, key, [Arg(a1)], retries);
    }

    /// <summary>Runs <paramref name="f"/> on two plain arguments, on the cluster.</summary>
    /// <inheritdoc cref="Submit{TResult}(Func{TResult}, bool, TaskKey?, int?)"/>
    public Future<TResult> Submit<T1, T2, TResult>(Func<T1, T2, TResult> f, T1 a1, T2 a2, bool pure = true, TaskKey? key = null, int? retries = null) =>
        Submit(f, ClusterArg<T1>.FromValue(a1), ClusterArg<T2>.FromValue(a2), pure, key, retries);

    /// <summary>Runs <paramref name="f"/> on two arguments, each a plain value, a future or remote data.</summary>
    /// <remarks>Mixing plain values and futures needs the type arguments spelled out, or a lambda with typed parameters.</remarks>
    /// <inheritdoc cref="Submit{TResult}(Func{TResult}, bool, TaskKey?, int?)"/>
    public Future<TResult> Submit<T1, T2, TResult>(Func<T1, T2, TResult> f, ClusterArg<T1> a1, ClusterArg<T2> a2, bool pure = true, TaskKey? key = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Call<TResult>(f, Invokers.Create(f), pure, key, [Arg(a1), Arg(a2)], retries);
    }

    /// <summary>Runs <paramref name="f"/> on three plain arguments, on the cluster.</summary>
    /// <inheritdoc cref="Submit{TResult}(Func{TResult}, bool, TaskKey?, int?)"/>
    public Future<TResult> Submit<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f, T1 a1, T2 a2, T3 a3, bool pure = true, TaskKey? key = null, int? retries = null) =>
        Submit(f, ClusterArg<T1>.FromValue(a1), ClusterArg<T2>.FromValue(a2), ClusterArg<T3>.FromValue(a3), pure, key, retries);

    /// <summary>Runs <paramref name="f"/> on three arguments, each a plain value, a future or remote data.</summary>
    /// <inheritdoc cref="Submit{T1, T2, TResult}(Func{T1, T2, TResult}, ClusterArg{T1}, ClusterArg{T2}, bool, TaskKey?, int?)"/>
    public Future<TResult> Submit<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f, ClusterArg<T1> a1, ClusterArg<T2> a2, ClusterArg<T3> a3, bool pure = true, TaskKey? key = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Call<TResult>(f, Invokers.Create(f), pure, key, [Arg(a1), Arg(a2), Arg(a3)], retries);
    }

    /// <summary>Runs <paramref name="f"/> on four plain arguments, on the cluster.</summary>
    /// <inheritdoc cref="Submit{TResult}(Func{TResult}, bool, TaskKey?, int?)"/>
    public Future<TResult> Submit<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f, T1 a1, T2 a2, T3 a3, T4 a4, bool pure = true, TaskKey? key = null, int? retries = null) =>
        Submit(f, ClusterArg<T1>.FromValue(a1), ClusterArg<T2>.FromValue(a2), ClusterArg<T3>.FromValue(a3), ClusterArg<T4>.FromValue(a4), pure, key, retries);

    /// <summary>Runs <paramref name="f"/> on four arguments, each a plain value, a future or remote data.</summary>
    /// <inheritdoc cref="Submit{T1, T2, TResult}(Func{T1, T2, TResult}, ClusterArg{T1}, ClusterArg{T2}, bool, TaskKey?, int?)"/>
    public Future<TResult> Submit<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f, ClusterArg<T1> a1, ClusterArg<T2> a2, ClusterArg<T3> a3, ClusterArg<T4> a4, bool pure = true, TaskKey? key = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Call<TResult>(f, Invokers.Create(f), pure, key, [Arg(a1), Arg(a2), Arg(a3), Arg(a4)], retries);
    }

    /// <summary>Runs <paramref name="f"/> on each item, one task each (dask's <c>client.map</c>).</summary>
    /// <param name="f">The function: a registered built-in (such as <c>Chunks.Sum</c>) travels by name.</param>
    /// <param name="items">One argument per task, in order.</param>
    /// <param name="pure">Whether equal calls give equal results: then each key derives from the function and its argument;
    /// otherwise every key is unique.</param>
    /// <param name="key">The name part of the keys instead of the function's name.</param>
    /// <param name="retries">How many times each task runs again when its own code throws (see <see cref="Submit{TResult}(Func{TResult}, bool, TaskKey?, int?)"/>); <see cref="Retries"/> when null.</param>
    /// <returns>One future per item, in order; the call returns at once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retries"/> is negative.</exception>
    /// <exception cref="NotSupportedException">The function or an item cannot travel; the message says which.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public IReadOnlyList<Future<TResult>> Map<T1, TResult>(Func<T1, TResult> f, IEnumerable<T1> items, bool pure = true, string? key = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Map(f, items.Select(ClusterArg<T1>.FromValue), pure, key, retries);
    }

    /// <summary>Runs <paramref name="f"/> on each item — a future, remote data or plain value — one task each, where the item is held.</summary>
    /// <inheritdoc cref="Map{T1, TResult}(Func{T1, TResult}, IEnumerable{T1}, bool, string?, int?)"/>
    public IReadOnlyList<Future<TResult>> Map<T1, TResult>(Func<T1, TResult> f, IEnumerable<ClusterArg<T1>> items, bool pure = true, string? key = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(items);
        var calls = items.Select(i => new[] { Arg(i) }).ToList();
        var op = OpRef.FromDelegate(f, Invokers.Create(f));
        return NewFutures<TResult>(SubmitCalls(op, calls, new CallNaming(pure, key, Indexed: true), retries));
    }

    /// <summary>Runs <paramref name="f"/> on pairs of items taken from two sequences in step (stopping at the shorter).</summary>
    /// <inheritdoc cref="Map{T1, TResult}(Func{T1, TResult}, IEnumerable{T1}, bool, string?, int?)"/>
    public IReadOnlyList<Future<TResult>> Map<T1, T2, TResult>(Func<T1, T2, TResult> f, IEnumerable<T1> first, IEnumerable<T2> second, bool pure = true, string? key = null, int? retries = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var calls = first.Zip(second, (a, b) => new[] { TaskArg.FromValue(a), TaskArg.FromValue(b) }).ToList();
        var op = OpRef.FromDelegate(f, Invokers.Create(f));
        return NewFutures<TResult>(SubmitCalls(op, calls, new CallNaming(pure, key, Indexed: true), retries));
    }

    /// <summary>
    /// Puts values on the cluster (dask's <c>client.scatter</c>): one future per value, held by a worker.
    /// </summary>
    /// <param name="values">The values: numbers, strings, numeric arrays, lists of those.</param>
    /// <param name="hash">Whether each key derives from the value's content (equal values share a key); otherwise each is unique.</param>
    /// <returns>One future per value, in order.</returns>
    /// <remarks>The values travel to the worker through the center, inside the tasks that hold them: fine for small
    /// and moderate values; for big data, let the workers make it (<see cref="Map{T1, TResult}(Func{T1, TResult}, IEnumerable{T1}, bool, string?, int?)"/>).</remarks>
    /// <exception cref="NotSupportedException">A value cannot travel; the message names its type.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public IReadOnlyList<Future<T>> Scatter<T>(IEnumerable<T> values, bool hash = true)
    {
        ArgumentNullException.ThrowIfNull(values);
        string name = typeof(T).IsArray ? "array" : typeof(T).Name.ToLowerInvariant();
        string unique = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var userCode = new HashSet<System.Reflection.Assembly>();
        var tasks = values.Select((value, i) =>
        {
            var node = TaskNode.FromValue(value);
            var bytes = TaskGraphSerializer.SerializeNode(name, node, userCode);
            var key = hash ? new TaskKey($"{name}-{Token(bytes)}") : new TaskKey($"{name}-{unique}", i);
            return new OutgoingTask(key, node, bytes, i);
        }).ToList();
        return NewFutures<T>(SubmitTasks(tasks, [.. tasks.Select(t => t.Key)], userCode));
    }

    /// <summary>Waits for every future and fetches their values from the workers that hold them (dask's <c>client.gather</c>).</summary>
    /// <exception cref="TaskFailedException">A future failed; it names the key.</exception>
    /// <exception cref="OperationCanceledException">A future was cancelled.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public T[] Gather<T>(IEnumerable<Future<T>> futures) => GatherAsync(futures).GetAwaiter().GetResult();

    /// <summary>Waits for every future and fetches their values from the workers that hold them.</summary>
    /// <inheritdoc cref="Gather{T}(IEnumerable{Future{T}})"/>
    public async Task<T[]> GatherAsync<T>(IEnumerable<Future<T>> futures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(futures);
        var list = futures.ToList();
        foreach (var future in list)
            CheckOwn(future);
        return await Task.WhenAll(list.Select(f => f.ResultAsync(cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// Yields the futures as they complete — finished, failed or cancelled — in that order (dask's
    /// <c>as_completed</c>); works with <c>await foreach</c> and the async LINQ operators.
    /// </summary>
    /// <param name="futures">The futures; each is yielded once.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public async IAsyncEnumerable<Future<T>> AsCompleted<T>(IEnumerable<Future<T>> futures, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(futures);
        var list = futures.ToList();
        foreach (var future in list)
            CheckOwn(future);
        var done = Channel.CreateUnbounded<Future<T>>();
        lock (_gate)
        {
            // In the order this client saw them complete: those done already first, the others as they finish.
            foreach (var finished in list.Where(f => f.Lease.Pending.CompletedAt > 0).OrderBy(f => f.Lease.Pending.CompletedAt))
                done.Writer.TryWrite(finished);
            foreach (var future in list.Where(f => f.Lease.Pending.CompletedAt == 0))
                future.Lease.Pending.WhenDone += () => done.Writer.TryWrite(future);
        }
        for (int i = 0; i < list.Count; i++)
            yield return await done.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels futures (dask's <c>client.cancel</c>); see <see cref="Future{T}.Cancel"/>.</summary>
    public void Cancel<T>(IEnumerable<Future<T>> futures)
    {
        ArgumentNullException.ThrowIfNull(futures);
        var list = futures.ToList();
        foreach (var future in list)
            CheckOwn(future);
        CancelKeys(list.Select(f => f.Lease.Pending));
        foreach (var future in list)
            _ = future.Lease.Forget();
    }

    /// <summary>
    /// Starts computing <paramref name="keys"/> of a graph and keeps them on the cluster (dask's
    /// <c>client.persist</c> at the graph level): later graphs can start from them through
    /// <see cref="Future{T}.ToNode"/>. Returns at once.
    /// </summary>
    /// <returns>One future per key, in order.</returns>
    /// <exception cref="GraphValidationException">A key or a dependency is missing, or there is a cycle.</exception>
    /// <exception cref="NotSupportedException">A task cannot travel; the message names it.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public IReadOnlyList<Future<object?>> Persist(TaskGraph graph, IReadOnlyList<TaskKey> keys)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
            return [];
        var tasks = graph.RunOrder(keys);
        return NewFutures<object?>(SubmitTasks([.. tasks.Select((p, i) => new OutgoingTask(p.Key, p.Value, null, i))], keys));
    }

    private Future<TResult> Call<TResult>(Delegate f, Func<object?[], object?> invoke, bool pure, TaskKey? key, TaskArg[] args, int? retries) =>
        NewFuture<TResult>(SubmitCalls(OpRef.FromDelegate(f, invoke), [args], new CallNaming(pure, Key: key), retries)[0]);

    private void CheckOwn<T>(Future<T> future)
    {
        ArgumentNullException.ThrowIfNull(future);
        if (!ReferenceEquals(future.Client, this))
            throw new ArgumentException($"{future} belongs to another client ({future.Client}), not to this one ({this})", nameof(future));
    }
}
