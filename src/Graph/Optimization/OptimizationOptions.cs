namespace LazyDist.Graph;

/// <summary>Which graph optimizations <see cref="GraphOptimizer"/> applies (all on by default).</summary>
/// <param name="Cull">Drop tasks the requested keys do not need.</param>
/// <param name="BlockwiseFusion">Let registered <see cref="IFusionRule"/>s merge producers into their single reader
/// (an elementwise chain feeding a reduction becomes one streaming task per block).</param>
/// <param name="LinearFusion">Run a producer with a single reader inline in that reader (<see cref="TaskCall"/>).</param>
/// <param name="MaxInlineDepth">The deepest nesting linear fusion creates.</param>
public sealed record OptimizationOptions(bool Cull = true, bool BlockwiseFusion = true, bool LinearFusion = true, int MaxInlineDepth = 8)
{
    /// <summary>Every optimization on.</summary>
    public static OptimizationOptions Default { get; } = new();

    /// <summary>No optimization: the graph runs as built.</summary>
    public static OptimizationOptions None { get; } = new(false, false, false);
}
