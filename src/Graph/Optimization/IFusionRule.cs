namespace LazyDist.Graph;

/// <summary>
/// Merges producers into a consumer task for one family of operations (registered through
/// <see cref="FusionRules"/> under the consumer's operation name). Graph knows nothing of what the
/// operations mean; the library that registers them knows how two of them compose.
/// </summary>
public interface IFusionRule
{
    /// <summary>
    /// A task equivalent to <paramref name="consumer"/> with some of its producers merged in, or
    /// null to leave it as it is.
    /// </summary>
    /// <param name="consumer">The task to rewrite.</param>
    /// <param name="inlinable">For a key the consumer reads, the producer's task when it may be merged
    /// (nothing else reads it and nobody asked for it), otherwise null.</param>
    TaskNode? TryFuse(TaskNode consumer, Func<TaskKey, TaskNode?> inlinable);
}
