using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections;

/// <summary>
/// Builds <see cref="Delayed{T}"/> values (dask.delayed): wrap a value, call a function lazily,
/// gather many into one, compute several at once sharing their common work.
/// </summary>
public static partial class Delayed
{
    /// <summary>A delayed value that holds <paramref name="value"/>.</summary>
    /// <param name="value">The value; its key derives from its content when it is a number, string or numeric array.</param>
    /// <param name="key">A key to use instead of the derived one.</param>
    public static Delayed<T> Value<T>(T value, TaskKey? key = null)
    {
        var name = key ?? new TaskKey($"{NamePrefix(typeof(T))}-{Tokenizer.Token("value", value)}");
        return new Delayed<T>(name, new TaskLayer(name, TaskNode.FromValue(value), []));
    }

    /// <summary>One delayed array of all <paramref name="items"/>' values, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of them is null.</exception>
    public static Delayed<T[]> All<T>(IEnumerable<Delayed<T>> items, TaskKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        foreach (var item in list)
            ArgumentNullException.ThrowIfNull(item, nameof(items));
        var name = key ?? new TaskKey($"all-{Tokenizer.Token("all", list.Select(d => (object?)d.Key.ToString()).ToArray())}");
        var node = TaskNode.List(list.Select(d => (TaskArg)new TaskRef(d.Key)));
        return new Delayed<T[]>(name, new TaskLayer(name, node, list.Select(d => d.Source).Distinct().ToList()));
    }

    /// <summary>Computes several delayed values in one run; work they share runs once.</summary>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="items">The delayed values to compute.</param>
    /// <returns>The values, in order.</returns>
    public static object?[] Compute(IScheduler? scheduler, params IReadOnlyList<IDelayed> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var keys = items.Select(i => i.Key).ToList();
        var graph = GraphOptimizer.Optimize(GraphBuilder.Build(items.Select(SourceOf)), keys);
        return SchedulerChoice.Resolve(scheduler).Get(graph, keys);
    }

    /// <summary>Computes two delayed values in one run; work they share runs once.</summary>
    public static (T1, T2) Compute<T1, T2>(Delayed<T1> first, Delayed<T2> second, IScheduler? scheduler = null)
    {
        var values = Compute(scheduler, first, second);
        return (Convert<T1>(values[0]), Convert<T2>(values[1]));
    }

    /// <summary>Computes three delayed values in one run; work they share runs once.</summary>
    public static (T1, T2, T3) Compute<T1, T2, T3>(Delayed<T1> first, Delayed<T2> second, Delayed<T3> third, IScheduler? scheduler = null)
    {
        var values = Compute(scheduler, first, second, third);
        return (Convert<T1>(values[0]), Convert<T2>(values[1]), Convert<T3>(values[2]));
    }

    internal static T Convert<T>(object? value) => ArgConvert.To<T>(value);

    private static IGraphSource SourceOf(IDelayed item) => item switch
    {
        null => throw new ArgumentNullException(nameof(item)),
        ISourced sourced => sourced.Source,
        _ => new TaskLayer(item.Graph.ToList(), []),
    };

    private static string NamePrefix(Type type) => type.IsArray ? "array" : type.Name.ToLowerInvariant();
}
