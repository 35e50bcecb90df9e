using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// A bag of <paramref name="outputCount"/> partitions (by default <paramref name="input"/>'s count) made by
    /// shuffling: each input partition runs <paramref name="mapStages"/> (its own pipeline fused in front), its
    /// results go by <paramref name="hash"/> to an output partition, and each output runs
    /// <paramref name="reduceStages"/> over its buckets in input order.
    /// </summary>
    internal static DistBag<TOut> Shuffled<TIn, TMap, TOut>(DistBag<TIn> input, string operation, object?[] token,
        IReadOnlyList<StageSpec> mapStages, Func<TMap, ulong> hash, IReadOnlyList<StageSpec> reduceStages, int? outputCount = null)
    {
        string name = NameOf(operation, [input.Name, .. token]);
        int outputs = outputCount ?? input.PartitionCount;
        var layout = Shuffle.Of(name, input, mapStages, Destination<TMap>.ByHash(hash, outputs), outputs);
        return new DistBag<TOut>(name, outputs, j => PipelineRun.Node(Sources.Concat<TMap>(layout.BucketsOf(j)), reduceStages, Sinks.List<TOut>()), [layout.Layer]);
    }

    /// <summary>How many partitions' partials one combine task of <see cref="Combined"/> merges.</summary>
    internal const int CombineWidth = 8;

    /// <summary>
    /// <paramref name="input"/>'s partitions run through <paramref name="map"/> (a map-side combine), then, while there
    /// are more than 2 × <see cref="CombineWidth"/>, merged <see cref="CombineWidth"/> at a time by <paramref name="combine"/>
    /// (dask's <c>split_every</c>): a shuffle after it waits for a few partials, not for one per input partition;
    /// that shuffle goes back to the input's partition count, the count a user expects.
    /// </summary>
    internal static DistBag<TMap> Combined<TIn, TMap>(DistBag<TIn> input, string operation, object?[] token, StageSpec map, StageSpec combine)
    {
        var level = Narrow<TIn, TMap>(input, $"{operation}-map", map, token);
        while (level.PartitionCount > 2 * CombineWidth)
        {
            var previous = level;
            int groups = (previous.PartitionCount + CombineWidth - 1) / CombineWidth;
            level = new DistBag<TMap>(NameOf($"{operation}-combine", previous.Name), groups, g => PipelineRun.Node(
                Sources.Concat<TMap>(Enumerable.Range(g * CombineWidth, Math.Min(CombineWidth, previous.PartitionCount - g * CombineWidth)).Select(i => (TaskArg)new TaskRef(previous.PartitionKey(i)))),
                [combine], Sinks.List<TMap>()), [previous]);
        }
        return level;
    }

    /// <summary>Refuses key comparers other than the default one: keys are hashed by content, the same way in every process.</summary>
    internal static void CheckComparer<TKey>(IEqualityComparer<TKey>? comparer, string name)
    {
        if (comparer is not null && !ReferenceEquals(comparer, EqualityComparer<TKey>.Default) && !(typeof(TKey) == typeof(string) && ReferenceEquals(comparer, StringComparer.Ordinal)))
            throw new ArgumentException($"a bag compares keys by their default equality (hashed the same way in every process); {comparer.GetType().Name} is not supported: map the keys instead (for example to upper case)", name);
        StableHash<TKey>.EnsureSupported(name);
    }
}

public static partial class DistBag
{
    /// <summary>Two bags shuffled into the same partitions by hashes that agree on equal keys; each output runs <paramref name="run"/> over both sides' buckets.</summary>
    internal static DistBag<TOut> Paired<TFirst, TSecond, TFirstMap, TSecondMap, TOut>(DistBag<TFirst> first, DistBag<TSecond> second, string operation, object?[] token,
        IReadOnlyList<StageSpec> firstStages, Func<TFirstMap, ulong> firstHash, IReadOnlyList<StageSpec> secondStages, Func<TSecondMap, ulong> secondHash,
        Func<IEnumerable<TFirstMap>, IEnumerable<TSecondMap>, Sink<TOut>, bool> run, IReadOnlyList<StageSpec> reduceStages)
    {
        string name = NameOf(operation, [first.Name, second.Name, .. token]);
        int outputs = Math.Max(first.PartitionCount, second.PartitionCount);
        var left = Shuffle.Of($"{name}-first", first, firstStages, Destination<TFirstMap>.ByHash(firstHash, outputs), outputs);
        var right = Shuffle.Of($"{name}-second", second, secondStages, Destination<TSecondMap>.ByHash(secondHash, outputs), outputs);
        return new DistBag<TOut>(name, outputs, j => PipelineRun.Node(PairedSources.Of(run, left.BucketsOf(j), right.BucketsOf(j)), reduceStages, Sinks.List<TOut>()),
            [left.Layer, right.Layer]);
    }
}
