using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Something lazy that contributes tasks to a graph: a delayed call, an array's layer of chunks.
/// Sources form a DAG through <see cref="Dependencies"/>; <see cref="GraphBuilder"/> walks it
/// once, so building a graph is linear in its size however it was composed.
/// </summary>
internal interface IGraphSource
{
    /// <summary>The sources whose tasks this one's tasks read.</summary>
    IReadOnlyList<IGraphSource> Dependencies { get; }

    /// <summary>Adds this source's own tasks (not its dependencies') to <paramref name="graph"/>.</summary>
    void AddOwnTasks(TaskGraph graph);
}
