using System.Diagnostics.CodeAnalysis;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Cli.Scripting;

/// <summary>
/// What a script run by <c>lazydist run</c> has in scope without qualification (every script gets
/// <c>global using static LazyDist.Cli.Scripting.ScriptGlobals;</c>): <see cref="Scheduler"/>, the
/// scheduler named by <c>--scheduler</c>, and <see cref="Cluster"/>, its cluster client if it has one.
/// </summary>
/// <remarks>
/// The members are static properties, so a lambda that uses <c>Scheduler</c> captures nothing.
/// They are set in the process that runs the script only: code shipped to a worker finds them unset.
/// </remarks>
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "Compiled scripts are other assemblies and can only see public types.")]
public static class ScriptGlobals
{
    private static IScheduler? _scheduler;

    /// <summary>The scheduler named by <c>--scheduler</c>, also the default one of the script (<c>Compute()</c> runs there).</summary>
    /// <exception cref="InvalidOperationException">Read outside a script run by <c>lazydist run</c> (on a worker, say).</exception>
    public static IScheduler Scheduler
    {
        get => _scheduler ?? throw new InvalidOperationException("Scheduler is set only while lazydist run runs a script, in the process that runs it");
        internal set => _scheduler = value;
    }

    /// <summary>
    /// The cluster client behind <see cref="Scheduler"/> (<c>processes[:N]</c> and <c>tcp://</c>),
    /// for its statistics and other cluster-only calls; <see langword="null"/> on <c>sync</c> and <c>threads</c>.
    /// </summary>
    public static DistributedScheduler? Cluster { get; internal set; }

    /// <summary>Sets both globals (to <see langword="null"/> after a run).</summary>
    internal static void Set(IScheduler? scheduler, DistributedScheduler? cluster)
    {
        _scheduler = scheduler;
        Cluster = cluster;
    }
}
