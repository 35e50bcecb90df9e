namespace LazyDist.Graph;

/// <summary>
/// The ambient default scheduler (dask's "current client"): what <c>Compute()</c> and
/// <c>ComputeAsync()</c> run on when they are given no scheduler. Make one the default for a
/// stretch of code with <c>using var _ = cluster.AsDefault();</c>. The default flows with the
/// code that set it, into awaits, <see cref="Task.Run(Action)"/> and threads it starts (it lives
/// in the <see cref="ExecutionContext"/>, like <see cref="AsyncLocal{T}"/>), so two flows can have
/// different defaults at once. Without one, collections compute on this process's threads.
/// </summary>
public static class DefaultScheduler
{
    private static readonly AsyncLocal<Scope?> Ambient = new();

    /// <summary>The scheduler of the innermost undisposed <see cref="AsDefault"/> scope of this flow, or <see langword="null"/>.</summary>
    public static IScheduler? Current => Live(Ambient.Value)?.Scheduler;

    /// <summary>
    /// Makes <paramref name="scheduler"/> the default of this flow until the returned scope is
    /// disposed; then the previous default comes back. Scopes nest: the innermost wins.
    /// </summary>
    /// <param name="scheduler">The scheduler, typically a cluster client or a <c>LocalCluster</c>.</param>
    /// <returns>The scope; dispose it to end it (disposing twice does nothing).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheduler"/> is null.</exception>
    /// <remarks>
    /// Call it from the method whose code should see the default, not from inside an async helper:
    /// an async method's changes to the ambient context end when it returns (so a default set in an
    /// awaited helper would not outlive the helper). Disposing a scope in any flow ends it in every flow.
    /// </remarks>
    public static IDisposable AsDefault(this IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var scope = new Scope(scheduler, Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>The first scope from <paramref name="scope"/> outwards that is not disposed.</summary>
    private static Scope? Live(Scope? scope)
    {
        while (scope is { IsDisposed: true })
            scope = scope.Outer;
        return scope;
    }

    /// <summary>One <see cref="AsDefault"/> call: its scheduler and the scope it hides.</summary>
    private sealed class Scope(IScheduler scheduler, Scope? outer) : IDisposable
    {
        private volatile bool _disposed;

        public IScheduler Scheduler { get; } = scheduler;

        public Scope? Outer { get; } = outer;

        public bool IsDisposed => _disposed;

        /// <summary>
        /// Ends the scope. A scope disposed out of order (an outer one before an inner one) is
        /// skipped from then on, so the inner one, when it ends, restores the outer one's outer.
        /// </summary>
        public void Dispose()
        {
            _disposed = true;
            if (ReferenceEquals(Ambient.Value, this))
                Ambient.Value = Live(Outer);
        }
    }
}
