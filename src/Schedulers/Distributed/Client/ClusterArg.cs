using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// An argument of a task sent with <see cref="DistributedScheduler.Submit{T1, TResult}(Func{T1, TResult}, ClusterArg{T1}, bool, TaskKey?, int?)"/>
/// or <see cref="DistributedScheduler.Map{T1, TResult}(Func{T1, TResult}, IEnumerable{ClusterArg{T1}}, bool, string?, int?)"/>:
/// either a value already on the cluster — a <see cref="Future{T}"/> or a <see cref="RemoteData{T}"/>,
/// which derive from this class — or a plain value, which converts implicitly and travels with the task.
/// The task receives the value either way; a held value is read where it is, not sent back to the client.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public abstract class ClusterArg<T>
{
    private protected ClusterArg()
    {
    }

    /// <summary>A plain value, sent with the task.</summary>
    public static implicit operator ClusterArg<T>(T value) => FromValue(value);

    /// <summary>A plain value, sent with the task (the named alternative to the conversion).</summary>
    public static ClusterArg<T> FromValue(T value) => new PlainValue(value);

    /// <summary>This argument in a task of <paramref name="cluster"/>'s: a literal, or a reference to a held key.</summary>
    /// <exception cref="ArgumentException">A held value of another cluster.</exception>
    /// <exception cref="InvalidOperationException">A held value that was released or cancelled.</exception>
    internal abstract TaskArg ToTaskArg(DistributedScheduler cluster);

    /// <summary>A reference to the key a handle holds, checked for use on <paramref name="cluster"/>.</summary>
    private protected static TaskRef RefTo(KeyLease lease, DistributedScheduler cluster, object handle)
    {
        if (!ReferenceEquals(lease.Client, cluster) && lease.Client.CenterAddress != cluster.CenterAddress)
            throw new ArgumentException($"{handle} is held by the cluster at {lease.Client.CenterAddress}, not by this one at {cluster.CenterAddress}");
        if (lease.Pending.Status == FutureStatus.Cancelled)
            throw new InvalidOperationException($"{handle} was cancelled: its key is no longer on the cluster");
        if (lease.IsReleased)
            throw new InvalidOperationException($"{handle} was released or deleted: its key may no longer be on the cluster");
        return new TaskRef(lease.Pending.Key);
    }

    /// <summary>A key as dask prints one in a handle: a plain name bare, a named index as <c>('x', 3)</c>.</summary>
    private protected static string KeyText(TaskKey key) => key.Index is null ? key.Name : key.ToString();

    private sealed class PlainValue(T value) : ClusterArg<T>
    {
        internal override TaskArg ToTaskArg(DistributedScheduler cluster) => TaskArg.FromValue(value);

        public override string ToString() => new Literal(value).ToString();
    }
}
