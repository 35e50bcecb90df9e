using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Where each element goes in a shuffle: <c>Make(input)</c> gives the function from an element to its
/// output partition, from a resolved <paramref name="Input"/> (nothing for a hash, the sampled
/// boundaries for a sort).
/// </summary>
internal sealed record Destination<T>(Func<object?, Func<T, int>> Make, TaskArg Input)
{
    public static Destination<T> ByHash(Func<T, ulong> hash, int outputs) =>
        new(_ => x => (int)(hash(x) % (ulong)outputs), new Literal(null));
}

/// <summary>What a shuffle made: its tasks, and for each output partition the buckets it reads, in input order.</summary>
internal sealed record ShuffleLayout(IGraphSource Layer, Func<int, IReadOnlyList<TaskArg>> BucketsOf);

/// <summary>
/// Moves the elements of N partitions into M by a destination per element, as tasks. Each input
/// partition is split into buckets in one task (its pipeline fused in front); when N × M is small
/// each output reads its bucket of every split partition through a task that takes that one bucket
/// out where the partition is, so every element crosses the wire at most once; when N × M is large
/// the elements move in stages through groups of at most <see cref="MaxBranch"/> partitions (dask's
/// task shuffle), so the graph has O(N · k · stages) keys instead of N × M. Both keep the elements
/// of each output in the order of their input partitions, so both give the same result.
/// </summary>
internal static class Shuffle
{
    public const int SingleStageLimit = 4096;
    public const int MaxBranch = 32;

    /// <summary>Lays out the shuffle of <paramref name="input"/>'s partitions, each first run through <paramref name="mapStages"/>.</summary>
    public static ShuffleLayout Of<TIn, T>(string name, DistBag<TIn> input, IReadOnlyList<StageSpec> mapStages, Destination<T> destination, int outputs,
        bool? singleStage = null)
    {
        int n = input.PartitionCount;
        SourceSpec SourceOf(int i) => Sources.Partition<TIn>(input.PartitionKey(i));
        var (stages, branch, virtualCount) = Plan(n, outputs);
        if (singleStage ?? stages == 1)
            return SingleStage(name, n, SourceOf, mapStages, destination, outputs, input);
        return MultiStage(name, n, SourceOf, mapStages, destination, outputs, stages, branch, virtualCount, input);
    }

    /// <summary>How many stages, the branching of each, and the virtual partition count (branch^stages).</summary>
    internal static (int Stages, int Branch, int Virtual) Plan(int inputs, int outputs)
    {
        long direct = (long)inputs * outputs;
        int n = Math.Max(inputs, outputs);
        if (direct <= SingleStageLimit || n <= MaxBranch)
            return (1, outputs, outputs);
        int stages = (int)Math.Ceiling(Math.Log(n) / Math.Log(MaxBranch) - 1e-9);
        int branch = (int)Math.Ceiling(Math.Pow(n, 1.0 / stages) - 1e-9);
        while (Pow(branch, stages) < n)
            branch++;
        long staged = (long)stages * Pow(branch, stages) * branch;
        return staged < direct ? (stages, branch, (int)Pow(branch, stages)) : (1, outputs, outputs);
    }

    private static long Pow(int b, int e)
    {
        long r = 1;
        for (int i = 0; i < e; i++)
            r *= b;
        return r;
    }

    private static ShuffleLayout SingleStage<T>(string name, int n, Func<int, SourceSpec> sourceOf, IReadOnlyList<StageSpec> mapStages,
        Destination<T> destination, int outputs, IGraphSource input)
    {
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>(n * (outputs + 1));
        for (int i = 0; i < n; i++)
        {
            var sink = outputs == 1 ? Sinks.List<T>() : Split(destination, divisor: 1, branches: outputs);
            tasks.Add(new(new TaskKey($"{name}-split", i), PipelineRun.Node(sourceOf(i), mapStages, sink)));
            for (int j = 0; j < outputs && outputs > 1; j++)
                tasks.Add(new(new TaskKey($"{name}-bucket", i * outputs + j), Segment(new TaskKey($"{name}-split", i), j)));
        }
        return new ShuffleLayout(new TaskLayer(tasks, [input]), j => [.. Enumerable.Range(0, n).Select(i =>
            (TaskArg)new TaskRef(outputs == 1 ? new TaskKey($"{name}-split", i) : new TaskKey($"{name}-bucket", i * outputs + j)))]);
    }

    private static ShuffleLayout MultiStage<T>(string name, int n, Func<int, SourceSpec> sourceOf, IReadOnlyList<StageSpec> mapStages,
        Destination<T> destination, int outputs, int stages, int branch, int count, IGraphSource input)
    {
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        int divisor = 1;
        for (int s = 0; s < stages; s++, divisor *= branch)
        {
            for (int p = 0; p < count; p++)
            {
                var split = new TaskKey($"{name}-s{s}-split", p);
                if (s == 0 && p >= n)
                    continue; // no input partition: nothing to split
                var sink = Split(destination, divisor, branch);
                tasks.Add(new(split, s == 0
                    ? PipelineRun.Node(sourceOf(p), mapStages, sink)
                    : PipelineRun.Node(Sources.Concat<T>(Members(name, s - 1, p, divisor / branch, branch, n)), [], sink)));
                for (int d = 0; d < branch; d++)
                    tasks.Add(new(new TaskKey($"{name}-s{s}-bucket", p * branch + d), Segment(split, d)));
            }
        }
        int last = stages - 1, lastDivisor = divisor / branch;
        return new ShuffleLayout(new TaskLayer(tasks, [input]), j => Members(name, last, j, lastDivisor, branch, n));
    }

    /// <summary>The buckets that make partition <paramref name="p"/> after stage <paramref name="stage"/>: digit <c>stage</c> of <paramref name="p"/>
    /// taken from each partition of its group (those that differ from it only in that digit), in the group's order.</summary>
    private static List<TaskArg> Members(string name, int stage, int p, int divisor, int branch, int inputs)
    {
        int digit = p / divisor % branch;
        var buckets = new List<TaskArg>(branch);
        for (int t = 0; t < branch; t++)
        {
            int q = p + (t - digit) * divisor;
            if (stage == 0 && q >= inputs)
                continue;
            buckets.Add(new TaskRef(new TaskKey($"{name}-s{stage}-bucket", q * branch + digit)));
        }
        return buckets;
    }

    private static SinkSpec Split<T>(Destination<T> destination, int divisor, int branches)
    {
        var make = destination.Make; // what travels: the function, not the record
        return Sinks.Custom<T>(input =>
        {
            var dest = make(input);
            return new SplitSink<T>(divisor == 1 ? x => dest(x) % branches : x => dest(x) / divisor % branches, branches);
        }, destination.Input);
    }

    private static TaskNode Segment(TaskKey split, int bucket) => new(BagOperations.Get(BagOperations.SegmentName), new TaskRef(split), new Literal(bucket));
}
