namespace LazyDist.Collections;

/// <summary>Folds a partition into one partial value (a count, a sum, an extreme), stopping early once <paramref name="done"/> says so.</summary>
internal sealed class FoldSink<T, TAccumulate>(TAccumulate seed, Func<TAccumulate, T, TAccumulate> func, Func<TAccumulate, bool>? done) : Sink<T>, ITerminal
{
    private TAccumulate _accumulator = seed;

    public object? Result => _accumulator;

    public override bool Push(T item)
    {
        _accumulator = func(_accumulator, item);
        return done is null || !done(_accumulator);
    }

    public override void Complete()
    {
    }
}
