using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>
    /// The sum of all elements, as a tree reduction: each chunk is summed, then groups of
    /// <paramref name="splitEvery"/> partial sums are summed, level by level, in a fixed order — so
    /// the result is bit-identical on every scheduler, and no task holds more than one chunk.
    /// </summary>
    /// <param name="array">The array.</param>
    /// <param name="splitEvery">How many partial sums one task combines; at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> Sum(this DistArray<double> array, int splitEvery = 32)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (splitEvery < 2)
            throw new ArgumentOutOfRangeException(nameof(splitEvery), splitEvery, $"splitEvery must be at least 2, got {splitEvery}");
        string name = $"sum-{Tokenizer.Token("sum", array.Name, splitEvery)}";
        var final = new TaskKey(name);
        var op = ArrayOperations.Sum;
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        if (array.ChunkCount == 0)
            return Delayed.Value(0.0, final);
        if (array.ChunkCount == 1)
        {
            tasks.Add(new(final, new TaskNode(op, new TaskRef(array.ChunkKey(0)))));
            return new Delayed<double>(final, new TaskLayer(tasks, [array]));
        }

        var level = new List<TaskKey>(array.ChunkCount);
        for (int i = 0; i < array.ChunkCount; i++)
        {
            var key = new TaskKey($"{name}-0", i);
            tasks.Add(new(key, new TaskNode(op, new TaskRef(array.ChunkKey(i)))));
            level.Add(key);
        }
        for (int depth = 1; level.Count > splitEvery; depth++)
        {
            var next = new List<TaskKey>((level.Count + splitEvery - 1) / splitEvery);
            for (int start = 0; start < level.Count; start += splitEvery)
            {
                var key = new TaskKey($"{name}-{depth}", next.Count);
                tasks.Add(new(key, new TaskNode(op, ArgList.OfRefs(level.Skip(start).Take(splitEvery)))));
                next.Add(key);
            }
            level = next;
        }
        tasks.Add(new(final, new TaskNode(op, ArgList.OfRefs(level))));
        return new Delayed<double>(final, new TaskLayer(tasks, [array]));
    }
}
