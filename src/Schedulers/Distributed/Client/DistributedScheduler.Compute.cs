using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler
{
    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">A task's function captures a value that cannot travel, or a literal cannot be serialized; the message names the task and the value.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public async ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Count == 0)
            return [];
        var culled = graph.Cull(keys);
        culled.Validate(keys);
        var order = culled.Order(keys);
        var wanted = keys.Distinct().ToList();
        var interests = SubmitTasks([.. culled.Select(p => new OutgoingTask(p.Key, p.Value, null, order[p.Key]))], wanted);
        try
        {
            var values = await Task.WhenAll(interests.Select(p => GetValueAsync(p, cancellationToken))).ConfigureAwait(false);
            var byKey = wanted.Zip(values).ToDictionary(p => p.First, p => p.Second);
            return [.. keys.Select(k => byKey[k])];
        }
        finally
        {
            Release(interests);
        }
    }
}
