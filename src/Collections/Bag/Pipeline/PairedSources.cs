using LazyDist.Graph;
using LazyDist.Graph.Blocks;

namespace LazyDist.Collections;

/// <summary>
/// Sources over two lists of buckets (the same output partition of two shuffles): set operators and
/// joins. Each is a closure that captures only the user's functions; its input is
/// <c>[first buckets, second buckets]</c>.
/// </summary>
internal static class PairedSources
{
    public static SourceSpec Of<TFirst, TSecond, TOut>(Func<IEnumerable<TFirst>, IEnumerable<TSecond>, Sink<TOut>, bool> run, IReadOnlyList<TaskArg> first, IReadOnlyList<TaskArg> second) =>
        new(SourceKind.Other, (Func<object?, object, bool>)((input, head) =>
        {
            var sides = (object?[])input!;
            var sink = (Sink<TOut>)head;
            run(Elements<TFirst>(sides[0]), Elements<TSecond>(sides[1]), sink);
            sink.Complete();
            return true;
        }), new ArgList([new ArgList(first), new ArgList(second)]));

    private static IEnumerable<T> Elements<T>(object? buckets)
    {
        foreach (var bucket in (object?[])buckets!)
        {
            foreach (var item in ElementBlock.Of<T>(bucket).Items)
                yield return item;
        }
    }

    public static bool Intersect<T>(IEnumerable<T> first, IEnumerable<T> second, Sink<T> sink)
    {
        var wanted = new HashSet<T>(second);
        foreach (var item in first)
        {
            if (wanted.Remove(item) && !sink.Push(item))
                return false;
        }
        return true;
    }

    public static bool Except<T>(IEnumerable<T> first, IEnumerable<T> second, Sink<T> sink)
    {
        var seen = new HashSet<T>(second);
        foreach (var item in first)
        {
            if (seen.Add(item) && !sink.Push(item))
                return false;
        }
        return true;
    }
}
