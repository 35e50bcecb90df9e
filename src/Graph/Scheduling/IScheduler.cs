namespace LazyDist.Graph;

/// <summary>
/// Runs task graphs. Every scheduler — one thread, a thread pool, worker processes, a cluster —
/// takes the same graph and gives the same results, so collections work with any of them.
/// </summary>
public interface IScheduler
{
    /// <summary>Computes <paramref name="keys"/> of <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph; it is read, never changed.</param>
    /// <param name="keys">The keys wanted, in the order of the returned values.</param>
    /// <param name="cancellationToken">Stops the run: no further task starts.</param>
    /// <returns>The value of each requested key.</returns>
    /// <exception cref="GraphValidationException">A key is missing or the graph has a cycle.</exception>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken = default);
}
