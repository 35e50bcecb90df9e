namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>
/// A reduction as a struct operator (as <c>TensorPrimitives</c>' <c>AddOperator&lt;T&gt;</c>): an
/// identity state, how one element folds in, how a later state merges into an earlier one, and
/// how states finish into results. <see cref="ReduceRunner{T, TState, TReducer}"/> is the one
/// generic loop that drives every reduction over tiles, runs, rows and partial states; a
/// reducer overrides <see cref="Run"/> or <see cref="Row"/> only to vectorize them. States are
/// unmanaged structs, so an array of them travels as its raw bytes.
/// </summary>
/// <typeparam name="TSelf">The reducer itself.</typeparam>
/// <typeparam name="T">The element type it reduces.</typeparam>
/// <typeparam name="TState">The partial state of one output slot.</typeparam>
internal interface IReducer<TSelf, T, TState>
    where TSelf : IReducer<TSelf, T, TState>
    where T : unmanaged
    where TState : unmanaged
{
    static abstract TState Identity { get; }

    /// <summary>Whether the state records positions (arg reductions), so runs may not be reordered or compacted.</summary>
    static virtual bool UsesIndex => false;

    /// <summary>Folds <paramref name="x"/>, at position <paramref name="index"/> along the reduced axis, into <paramref name="state"/>.</summary>
    static abstract void Step(ref TState state, T x, long index);

    /// <summary>Folds a contiguous run (positions <paramref name="first"/>, <paramref name="first"/> + 1, ...) into one state.</summary>
    static virtual void Run(ref TState state, ReadOnlySpan<T> x, long first)
    {
        for (int i = 0; i < x.Length; i++)
            TSelf.Step(ref state, x[i], first + i);
    }

    /// <summary>Folds <c>x[i]</c> into <c>states[i]</c>, all at position <paramref name="index"/>.</summary>
    static virtual void Row(Span<TState> states, ReadOnlySpan<T> x, long index)
    {
        for (int i = 0; i < x.Length; i++)
            TSelf.Step(ref states[i], x[i], index);
    }

    /// <summary>Folds <paramref name="later"/>, which comes after <paramref name="state"/> in the array's order, into it.</summary>
    static abstract void Merge(ref TState state, in TState later);

    /// <summary>Maps the positions a state records (arg reductions of a whole array: block-local flat indices to the array's).</summary>
    static virtual void Relocate(ref TState state, Func<long, long> map)
    {
    }

    /// <summary>The results, one per state, as an array of <paramref name="spec"/>'s result type for input of <paramref name="input"/>.</summary>
    static abstract Array Finish(ReadOnlySpan<TState> states, ReducerSpec spec, DType input);
}
