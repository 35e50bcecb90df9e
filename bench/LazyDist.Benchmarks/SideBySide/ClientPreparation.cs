using System.Diagnostics;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// What a cluster client does with a graph before it sends it (as <c>DistributedScheduler.ComputeAsync</c>
/// does): cull to the wanted key, validate, order, and serialize every node. Timed alone, it is
/// the client's share of the per-task overhead; the rest is the wire, the center and the workers.
/// </summary>
internal static class ClientPreparation
{
    /// <summary>Seconds to prepare <paramref name="graph"/> for <paramref name="key"/>.</summary>
    public static double Seconds(TaskGraph graph, TaskKey key)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var culled = graph.Cull([key]);
        culled.Validate([key]);
        var order = culled.Order([key]);
        long bytes = 0;
        foreach (var (k, node) in culled)
            bytes += node.Serialize(k).Length + order[k] % 2;
        double seconds = clock.Elapsed.TotalSeconds;
        GC.KeepAlive(bytes);
        return seconds;
    }
}
