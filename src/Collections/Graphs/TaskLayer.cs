using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>A fixed set of tasks over some dependency sources: one delayed call, or a reduction's tree.</summary>
internal sealed class TaskLayer(IReadOnlyList<KeyValuePair<TaskKey, TaskNode>> tasks, IReadOnlyList<IGraphSource> dependencies) : IGraphSource
{
    public TaskLayer(TaskKey key, TaskNode node, IReadOnlyList<IGraphSource> dependencies)
        : this([new KeyValuePair<TaskKey, TaskNode>(key, node)], dependencies)
    {
    }

    public IReadOnlyList<IGraphSource> Dependencies { get; } = dependencies;

    public void AddOwnTasks(TaskGraph graph)
    {
        foreach (var (key, node) in tasks)
            graph[key] = node;
    }
}
