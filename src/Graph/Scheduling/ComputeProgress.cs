namespace LazyDist.Graph;

/// <summary>How far a computation is (what a progress bar draws): tasks done of all, per key group, and the bytes of results held now.</summary>
/// <param name="Done">Tasks finished.</param>
/// <param name="Total">Tasks in the run (after culling and fusing).</param>
/// <param name="Prefixes">Per key group (<c>inc</c> for <c>('inc', 3)</c>, as dask's <c>key_split</c>), ordered by name.</param>
/// <param name="HeldBytes">Bytes of results held now (by this process, or by the cluster's workers).</param>
public sealed record ComputeProgress(int Done, int Total, IReadOnlyList<PrefixProgress> Prefixes, long HeldBytes)
{
    /// <summary>Whether every task has finished.</summary>
    public bool IsComplete => Done >= Total;
}
