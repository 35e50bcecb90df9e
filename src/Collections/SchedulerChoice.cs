using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections;

/// <summary>Where a collection's <c>Compute</c> runs when it is given no scheduler.</summary>
internal static class SchedulerChoice
{
    /// <summary>
    /// <paramref name="scheduler"/> if given, else the ambient <see cref="DefaultScheduler.Current"/>
    /// (set by <c>AsDefault()</c>), else this process's <see cref="ThreadedScheduler.Default"/>.
    /// </summary>
    public static IScheduler Resolve(IScheduler? scheduler) => scheduler ?? DefaultScheduler.Current ?? ThreadedScheduler.Default;
}
