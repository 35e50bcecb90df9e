namespace LazyDist.Graph;

/// <summary>A scheduler that exposes the counters of its current or most recent run.</summary>
public interface IReportsRunStatistics
{
    /// <summary>The counters of the run in progress, or of the last one; null before the first.</summary>
    RunStatistics? LastRun { get; }
}
