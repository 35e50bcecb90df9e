using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Keys whose values are already held on a cluster (<see cref="TaskNode.Remote"/> nodes), and the
/// handles that hold them there: a collection built on this source keeps the handles reachable,
/// so the cluster keeps the values as long as the collection (or anything built from it) lives.
/// </summary>
internal sealed class HeldSource(IReadOnlyList<KeyValuePair<TaskKey, TaskNode>> nodes, object holder) : IGraphSource
{
    /// <summary>The futures or proxies that hold the keys.</summary>
    public object Holder { get; } = holder;

    public IReadOnlyList<IGraphSource> Dependencies => [];

    public void AddOwnTasks(TaskGraph graph)
    {
        foreach (var (key, node) in nodes)
            graph[key] = node;
    }
}
