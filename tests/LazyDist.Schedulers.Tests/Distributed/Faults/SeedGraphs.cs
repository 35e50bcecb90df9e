using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Faults;

/// <summary>The seed's three APIs (array, delayed, hand-built graph), as graphs with the key of their total.</summary>
internal static class SeedGraphs
{
    public static readonly string[] Apis = ["array", "delayed", "graph"];

    public static (TaskGraph Graph, TaskKey Total) Build(string api, int chunks, int chunkSize, ulong seed = 42) => api switch
    {
        "array" => FromArray(chunks, chunkSize, seed),
        "delayed" => FromDelayed(chunks, chunkSize, seed),
        "graph" => ByHand(chunks, chunkSize, seed),
        _ => throw new ArgumentException($"no seed API '{api}'", nameof(api)),
    };

    private static (TaskGraph, TaskKey) FromArray(int chunks, int chunkSize, ulong seed)
    {
        var sum = DistArray.Random((long)chunks * chunkSize, chunkSize, seed).Sum();
        return (sum.GetGraph(), sum.Key);
    }

    private static (TaskGraph, TaskKey) FromDelayed(int chunks, int chunkSize, ulong seed)
    {
        var sums = Enumerable.Range(0, chunks).Select(i =>
            Delayed.Call(Chunks.Sum, Delayed.Call<int, ulong, double[]>(Chunks.Random, chunkSize, Chunks.Seed(seed, i))));
        var total = Delayed.Call(Chunks.Sum, Delayed.All(sums));
        return (total.GetGraph(), total.Key);
    }

    private static (TaskGraph, TaskKey) ByHand(int chunks, int chunkSize, ulong seed)
    {
        var dsk = new TaskGraph();
        for (int i = 0; i < chunks; i++)
        {
            dsk[("x", i)] = new TaskNode(ArrayOperations.Random, chunkSize, Chunks.Seed(seed, i));
            dsk[("y", i)] = new TaskNode(ArrayOperations.Sum, TaskArg.Ref(("x", i)));
        }
        dsk["total"] = new TaskNode(ArrayOperations.Sum, ArgList.OfRefs(Enumerable.Range(0, chunks).Select(i => (TaskKey)("y", i))));
        return (dsk, "total");
    }
}
