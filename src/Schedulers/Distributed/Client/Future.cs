using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// A task's result on the cluster, computed or not yet (dask.distributed's <c>Future</c>): made by
/// <see cref="DistributedScheduler.Submit{T1, TResult}(Func{T1, TResult}, T1, bool, TaskKey?, int?)"/>,
/// <see cref="DistributedScheduler.Map{T1, TResult}(Func{T1, TResult}, IEnumerable{T1}, bool, string?, int?)"/>
/// and <see cref="DistributedScheduler.Scatter{T}(IEnumerable{T}, bool)"/>. The value stays on the
/// worker that computed it until <see cref="Result"/> fetches a copy; passed to another task, it is
/// read there. The cluster keeps the value while any future (or computation) of this client wants
/// its key: <see cref="Release"/> lets go at once, a dropped future soon after, <see cref="Cancel"/>
/// drops the key for every future of this client.
/// </summary>
/// <typeparam name="T">The result's type.</typeparam>
public sealed class Future<T> : ClusterArg<T>
{
    private readonly KeyLease _lease;

    internal Future(KeyLease lease) => _lease = lease;

    /// <summary>The task's key.</summary>
    public TaskKey Key => _lease.Pending.Key;

    /// <summary>The client that holds it.</summary>
    public DistributedScheduler Client => _lease.Client;

    /// <summary>Where it stands now.</summary>
    public FutureStatus Status => _lease.Pending.Status;

    /// <summary>Whether it is no longer pending: finished, failed or cancelled.</summary>
    public bool Done => Status != FutureStatus.Pending;

    /// <summary>
    /// Why it failed, when <see cref="Status"/> is <see cref="FutureStatus.Error"/>: a
    /// <see cref="TaskFailedException"/> naming the failed key (or an <see cref="IOException"/>
    /// when the center was lost); otherwise null. Does not wait.
    /// </summary>
    public Exception? Exception => Status == FutureStatus.Error ? _lease.Pending.Error : null;

    internal KeyLease Lease => _lease;

    /// <summary>Waits for the value and fetches a copy from a worker that holds it.</summary>
    /// <param name="timeout">How long to wait; forever when null.</param>
    /// <exception cref="TaskFailedException">The task or one it depends on failed; it names the key.</exception>
    /// <exception cref="OperationCanceledException">The future was cancelled.</exception>
    /// <exception cref="TimeoutException">The value did not come within <paramref name="timeout"/>.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public T Result(TimeSpan? timeout = null)
    {
        using var limit = timeout is { } t ? new CancellationTokenSource(t) : null;
        try
        {
            return ResultAsync(limit?.Token ?? default).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (limit?.IsCancellationRequested == true)
        {
            throw new TimeoutException($"{this} did not finish within {timeout}");
        }
    }

    /// <summary>Waits for the value and fetches a copy from a worker that holds it.</summary>
    /// <param name="cancellationToken">Stops waiting (the task goes on; see <see cref="Cancel"/>).</param>
    /// <exception cref="TaskFailedException">The task or one it depends on failed; it names the key.</exception>
    /// <exception cref="OperationCanceledException">The future was cancelled, or <paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public async Task<T> ResultAsync(CancellationToken cancellationToken = default)
    {
        if (_lease.IsReleased && Status != FutureStatus.Cancelled)
            throw new InvalidOperationException($"{this} was released: its value may no longer be on the cluster");
        var value = await _lease.Client.GetValueAsync(_lease.Pending, cancellationToken).ConfigureAwait(false);
        return ArgConvert.To<T>(value);
    }

    /// <summary>Waits until it is no longer pending, without fetching the value or throwing its error.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitAsync(CancellationToken cancellationToken = default) => _lease.Pending.Done.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Cancels the task (dask's <c>future.cancel()</c>): this client drops the key, so every future of
    /// it here becomes <see cref="FutureStatus.Cancelled"/>; the center stops it if nobody else wants it
    /// (a task already running on a worker finishes there and its result is dropped).
    /// </summary>
    public void Cancel() => _lease.Client.Cancel([this]);

    /// <summary>Lets go of this future's hold on the key (dask's <c>future.release()</c>); idempotent.</summary>
    public void Release() => _lease.Release();

    /// <summary>
    /// This future's key as a graph node (<see cref="TaskNode.Remote"/>): put it in a
    /// <see cref="TaskGraph"/> under <see cref="Key"/> and tasks there can read the value on the cluster.
    /// Keep the future while such a graph runs.
    /// </summary>
    public TaskNode ToNode() => TaskNode.Remote(Key, Client.CenterAddress);

    internal override TaskArg ToTaskArg(DistributedScheduler cluster) => RefTo(_lease, cluster, this);

    /// <summary>Like dask: <c>&lt;Future: finished, type: Double, key: sum-1f0e…&gt;</c>.</summary>
    public override string ToString() =>
        $"<Future: {Status.ToString().ToLowerInvariant()}, type: {typeof(T).Name}, key: {KeyText(Key)}>";
}
