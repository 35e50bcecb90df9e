namespace LazyDist.Distributed.Center;

/// <summary>One key group's tasks by status (a status page's progress bar), and what its finished tasks cost.</summary>
/// <param name="Name">The prefix (<c>sum</c> for <c>sum-3c1f…</c>).</param>
/// <param name="Waiting">Needed, with inputs not in memory yet, or ready but with no worker free (queued, no worker).</param>
/// <param name="Processing">Running on a worker.</param>
/// <param name="Memory">Held by a worker now.</param>
/// <param name="Released">Done and dropped after use (recomputable).</param>
/// <param name="Erred">Failed, or an input failed.</param>
/// <param name="Forgotten">Dropped from the center's records after use, in all (done, as dask counts them).</param>
/// <param name="Finished">Results that arrived, in all.</param>
/// <param name="Duration">Time workers spent on this group's tasks, in all.</param>
/// <param name="ResultBytes">Bytes of the results that arrived, in all.</param>
internal sealed record PrefixCounts(string Name, int Waiting, int Processing, int Memory, int Released, int Erred, int Forgotten, long Finished, TimeSpan Duration, long ResultBytes)
{
    /// <summary>Tasks of this group the center knows now.</summary>
    public int Total => Waiting + Processing + Memory + Released + Erred + Forgotten;

    /// <summary>Tasks past running: in memory, released or forgotten after use, or erred.</summary>
    public int Done => Memory + Released + Erred + Forgotten;

    internal static PrefixCounts Of(TaskPrefix prefix) => new(
        prefix.Name,
        prefix.Count(CenterTaskStatus.Waiting) + prefix.Count(CenterTaskStatus.Queued) + prefix.Count(CenterTaskStatus.NoWorker),
        prefix.Count(CenterTaskStatus.Processing),
        prefix.Count(CenterTaskStatus.Memory),
        prefix.Count(CenterTaskStatus.Released),
        prefix.Count(CenterTaskStatus.Erred),
        prefix.Count(CenterTaskStatus.Forgotten),
        prefix.Finished,
        prefix.Duration,
        prefix.ResultBytes);
}
