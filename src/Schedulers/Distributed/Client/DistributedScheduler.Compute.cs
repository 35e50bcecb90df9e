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
        var tasks = graph.RunOrder(keys); // culled, validated, in priority order: inputs first
        var wanted = keys.Distinct().ToList();
        var interests = SubmitTasks([.. tasks.Select((p, i) => new OutgoingTask(p.Key, p.Value, null, i))], wanted);
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
