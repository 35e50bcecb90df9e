using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// The stages of pipelines as data: each a closure <c>(next, input) → sink</c> made here, apart from
/// any graph-building code, so that what travels captures only the user's function.
/// </summary>
internal static class Stages
{
    private static readonly Literal None = new(null);

    public static StageSpec Select<TIn, TOut>(Func<TIn, TOut> selector) =>
        new((Func<object, object?, object>)((next, _) => new SelectStage<TIn, TOut>(selector, (Sink<TOut>)next)), None);

    public static StageSpec Where<T>(Func<T, bool> predicate) =>
        new((Func<object, object?, object>)((next, _) => new WhereStage<T>(predicate, (Sink<T>)next)), None);

    public static StageSpec SelectMany<TIn, TOut>(Func<TIn, IEnumerable<TOut>> selector) =>
        new((Func<object, object?, object>)((next, _) => new SelectManyStage<TIn, TOut>(selector, (Sink<TOut>)next)), None);

    public static StageSpec SelectMany<TIn, TCollection, TOut>(Func<TIn, IEnumerable<TCollection>> collection, Func<TIn, TCollection, TOut> result) =>
        new((Func<object, object?, object>)((next, _) => new SelectManyStage<TIn, TCollection, TOut>(collection, result, (Sink<TOut>)next)), None);

    public static StageSpec MapPartitions<TIn, TOut>(Func<IEnumerable<TIn>, IEnumerable<TOut>> mapper) =>
        new((Func<object, object?, object>)((next, _) => new MapPartitionsStage<TIn, TOut>(mapper, (Sink<TOut>)next)), None);

    public static StageSpec AggregateBy<T, TKey, TAccumulate>(Func<T, TKey> keySelector, Func<TKey, TAccumulate> seed, Func<TAccumulate, T, TAccumulate> func)
        where TKey : notnull =>
        new((Func<object, object?, object>)((next, _) => new AggregateByStage<T, TKey, TAccumulate>(keySelector, seed, func, (Sink<KeyValuePair<TKey, TAccumulate>>)next)), None);

    public static StageSpec CountBy<T, TKey>(Func<T, TKey> keySelector)
        where TKey : notnull =>
        new((Func<object, object?, object>)((next, _) => new CountByStage<T, TKey>(keySelector, (Sink<KeyValuePair<TKey, int>>)next)), None);

    public static StageSpec CombineBy<TKey, TAccumulate>(Func<TAccumulate, TAccumulate, TAccumulate> combine)
        where TKey : notnull =>
        new((Func<object, object?, object>)((next, _) => new CombineByStage<TKey, TAccumulate>(combine, (Sink<KeyValuePair<TKey, TAccumulate>>)next)), None);

    public static StageSpec Group<T, TKey, TElement>(Func<T, TKey> keySelector, Func<T, TElement> elementSelector) =>
        new((Func<object, object?, object>)((next, _) => new GroupStage<T, TKey, TElement>(keySelector, elementSelector, (Sink<IGrouping<TKey, TElement>>)next)), None);

    public static StageSpec Distinct<T, TKey>(Func<T, TKey> keySelector) =>
        new((Func<object, object?, object>)((next, _) => new DistinctStage<T, TKey>(keySelector, (Sink<T>)next)), None);

    /// <summary>A stage whose elements are numbered from <c>offsets[partition]</c>, an input computed from the partitions' counts.</summary>
    public static StageSpec Indexed<TIn, TOut>(Func<TIn, long, Sink<TOut>, bool> step, TaskKey offsets, int partition) =>
        new((Func<object, object?, object>)((next, input) =>
            new IndexedStage<TIn, TOut>(step, ((long[])((object?[])input!)[0]!)[(int)((object?[])input)[1]!], (Sink<TOut>)next)),
            new ArgList([new TaskRef(offsets), new Literal(partition)]));

    /// <summary>A stage made by <paramref name="make"/> from the next sink and the resolved input.</summary>
    public static StageSpec Custom<TIn, TOut>(Func<Sink<TOut>, object?, Sink<TIn>> make, TaskArg? input = null) =>
        new((Func<object, object?, object>)((next, value) => make((Sink<TOut>)next, value)), input ?? None);
}
