using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Reductions of a bag to one <see cref="Delayed{T}"/>: one partial value per partition (folded inside
/// the partition's fused pipeline, stopping early where it can), then a tree of combines of at most
/// <see cref="SplitEvery"/> partials each in partition order (so the result is the same on every
/// scheduler), then the finish.
/// </summary>
internal static class BagReduction
{
    public const int SplitEvery = 16;

    public static Delayed<TResult> Of<T, TPartial, TResult>(DistBag<T> source, string operation, object?[] token,
        TPartial seed, Func<TPartial, T, TPartial> fold, Func<TPartial, bool>? done, Func<TPartial, TPartial, TPartial> combine, Func<TPartial, TResult> finish)
    {
        string name = DistBag.NameOf(operation, [source.Name, .. token]);
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        var level = new List<TaskKey>();
        var sink = Sinks.Custom<T>(_ => new FoldSink<T, TPartial>(seed, fold, done));
        for (int i = 0; i < source.PartitionCount; i++)
        {
            var key = new TaskKey($"{name}-partial", i);
            tasks.Add(new(key, PipelineRun.Node(Sources.Partition<T>(source.PartitionKey(i)), [], sink)));
            level.Add(key);
        }
        var merge = Combiner(combine);
        for (int depth = 0; level.Count > SplitEvery; depth++)
        {
            var next = new List<TaskKey>();
            for (int g = 0; g < level.Count; g += SplitEvery)
            {
                var key = new TaskKey($"{name}-combine-{depth}", g / SplitEvery);
                tasks.Add(new(key, new TaskNode(OpRef.FromDelegate(merge, Invokers.Create(merge)), ArgList.OfRefs(level.Skip(g).Take(SplitEvery)))));
                next.Add(key);
            }
            level = next;
        }
        var last = Finisher(combine, finish);
        var result = new TaskKey(name);
        tasks.Add(new(result, new TaskNode(OpRef.FromDelegate(last, Invokers.Create(last)), ArgList.OfRefs(level))));
        return new Delayed<TResult>(result, new TaskLayer(tasks, [source]));
    }

    private static Func<object?[], TPartial> Combiner<TPartial>(Func<TPartial, TPartial, TPartial> combine) => partials =>
    {
        var total = ArgConvert.To<TPartial>(partials[0]);
        for (int i = 1; i < partials.Length; i++)
            total = combine(total, ArgConvert.To<TPartial>(partials[i]));
        return total;
    };

    private static Func<object?[], TResult> Finisher<TPartial, TResult>(Func<TPartial, TPartial, TPartial> combine, Func<TPartial, TResult> finish)
    {
        var merge = Combiner(combine);
        return partials => finish(merge(partials));
    }
}
