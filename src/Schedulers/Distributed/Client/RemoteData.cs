using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// A proxy for a value held on one of the cluster's workers (the 2015 prototype's
/// <c>RemoteData</c>), made by <see cref="Pool"/>. The value stays on the worker that computed it:
/// work on it (<see cref="Pool.Map{T, TResult}(Func{T, TResult}, IEnumerable{RemoteData{T}})"/>,
/// <c>Delayed.Call</c>, a <see cref="TaskGraph"/> with <see cref="ToNode"/>) runs there, and only
/// <see cref="Get"/> brings a copy back. It is held until <see cref="Pool.Delete{T}(RemoteData{T})"/>,
/// or soon after the proxy is dropped; a graph that merely reads it never deletes it.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class RemoteData<T> : ClusterArg<T>
{
    private readonly KeyLease _lease;

    internal RemoteData(KeyLease lease) => _lease = lease;

    /// <summary>The value's key.</summary>
    public TaskKey Key => _lease.Pending.Key;

    /// <summary>The address of the cluster's center.</summary>
    public string Center => _lease.Client.CenterAddress;

    /// <summary>Whether it was deleted (or released) by this client.</summary>
    public bool IsDeleted => _lease.IsReleased;

    internal KeyLease Lease => _lease;

    /// <summary>Waits for the value and fetches a copy from the worker that holds it.</summary>
    /// <exception cref="TaskFailedException">The task that makes it, or one it depends on, failed; it names the key.</exception>
    /// <exception cref="InvalidOperationException">It was deleted.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public T Get() => GetAsync().GetAwaiter().GetResult();

    /// <summary>Waits for the value and fetches a copy from the worker that holds it.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="TaskFailedException">The task that makes it, or one it depends on, failed; it names the key.</exception>
    /// <exception cref="InvalidOperationException">It was deleted.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_lease.IsReleased)
            throw new InvalidOperationException($"{this} was deleted: its value is no longer held on the cluster");
        var value = await _lease.Client.GetValueAsync(_lease.Pending, cancellationToken).ConfigureAwait(false);
        return ArgConvert.To<T>(value);
    }

    /// <summary>
    /// This value's key as a graph node (<see cref="TaskNode.Remote"/>): put it in a
    /// <see cref="TaskGraph"/> under <see cref="Key"/> and tasks there read the value where it is.
    /// Keep the proxy while such a graph runs.
    /// </summary>
    public TaskNode ToNode() => TaskNode.Remote(Key, Center);

    internal override TaskArg ToTaskArg(DistributedScheduler cluster) => RefTo(_lease, cluster, this);

    /// <summary>Like the prototype: <c>RemoteData&lt;center=127.0.0.1:8786, key=('sum-…', 3)&gt;</c>.</summary>
    public override string ToString() => $"RemoteData<center={Center}, key={KeyText(Key)}>";
}
