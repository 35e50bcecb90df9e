using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class Delayed
{
    /// <summary>
    /// The value of a future, as a delayed value whose graph is the one <see cref="TaskNode.Remote"/>
    /// node: calls on it run on the cluster that holds it, where it is. Same as the implicit conversion.
    /// </summary>
    /// <remarks>The delayed value (and anything built from it) keeps the future, so the cluster keeps the value.</remarks>
    public static Delayed<T> AsDelayed<T>(this Future<T> future)
    {
        ArgumentNullException.ThrowIfNull(future);
        return Held<T>(future.Key, future.ToNode(), future);
    }

    /// <summary>
    /// The value behind a remote proxy, as a delayed value whose graph is the one
    /// <see cref="TaskNode.Remote"/> node: calls on it run where it is held. Same as the implicit conversion.
    /// </summary>
    /// <remarks>The delayed value (and anything built from it) keeps the proxy, so the cluster keeps the value.</remarks>
    public static Delayed<T> AsDelayed<T>(this RemoteData<T> remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return Held<T>(remote.Key, remote.ToNode(), remote);
    }

    /// <summary>A delayed value whose graph is one node standing for a held key, kept held by <paramref name="holder"/>.</summary>
    internal static Delayed<T> Held<T>(TaskKey key, TaskNode node, object holder) =>
        new(key, new HeldSource([new KeyValuePair<TaskKey, TaskNode>(key, node)], holder));
}
