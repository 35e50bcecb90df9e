using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections;

/// <summary>
/// A lazy value of type <typeparamref name="T"/> (dask's <c>Delayed</c>): a key and the graph
/// that computes it. Nothing runs until <see cref="Compute(IScheduler?, bool)"/>. Build one with
/// <see cref="Delayed.Value{T}(T, TaskKey?)"/>, <see cref="Delayed.Call{T1, TResult}(Func{T1, TResult}, Delayed{T1}, bool, TaskKey?)"/>
/// or <see cref="Select{TResult}(Func{T, TResult})"/>; a plain value converts implicitly.
/// </summary>
/// <typeparam name="T">The type of the computed value.</typeparam>
public sealed class Delayed<T> : ISourced, ILazyValue
{
    internal Delayed(TaskKey key, IGraphSource source, Literal? inline = null)
    {
        Key = key;
        Source = source;
        Inline = inline;
    }

    /// <inheritdoc/>
    public TaskKey Key { get; }

    /// <inheritdoc/>
    public TaskGraph Graph => GraphBuilder.Build([Source]);

    IGraphSource ISourced.Source => Source;

    Literal? ISourced.Inline => Inline;

    internal IGraphSource Source { get; }

    internal Literal? Inline { get; }

    /// <summary>A delayed value that holds <paramref name="value"/>; passed to a call, it becomes a literal argument.</summary>
    public static implicit operator Delayed<T>(T value) => FromValue(value);

    /// <summary>The value behind a remote proxy, read on the cluster that holds it (see <see cref="Delayed.AsDelayed{T}(RemoteData{T})"/>).</summary>
    public static implicit operator Delayed<T>(RemoteData<T> remote) => Delayed.AsDelayed(remote);

    /// <summary>The value of a future, read on the cluster that holds it (see <see cref="Delayed.AsDelayed{T}(Future{T})"/>).</summary>
    public static implicit operator Delayed<T>(Future<T> future) => Delayed.AsDelayed(future);

    /// <summary>A delayed value that holds <paramref name="value"/> (the named alternative to the conversion).</summary>
    public static Delayed<T> FromValue(T value)
    {
        var plain = Delayed.Value(value);
        return new Delayed<T>(plain.Key, plain.Source, new Literal(value));
    }

    /// <summary>This delayed value's type, holding <paramref name="value"/> (how a captured one arrives on a worker).</summary>
    object ILazyValue.Resolved(object? value) => FromValue(Delayed.Convert<T>(value));

    /// <summary>Applies <paramref name="selector"/> to the value, lazily.</summary>
    public Delayed<TResult> Select<TResult>(Func<T, TResult> selector) => Delayed.Call(selector, this);

    /// <summary>Computes the value and waits for it.</summary>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first (see <see cref="GraphOptimizer"/>); the value is the same.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public T Compute(IScheduler? scheduler = null, bool optimize = true) =>
        Inline is { } known ? Delayed.Convert<T>(known.Value) : Delayed.Convert<T>(SchedulerChoice.Resolve(scheduler).Get(GetGraph(optimize), Key));

    /// <summary>Computes the value and waits for it, reporting progress.</summary>
    /// <param name="scheduler">Where to run; null for the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="progress">Receives the run's progress (done / total tasks per key group, bytes held) while it goes; null for none.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public T Compute(IScheduler? scheduler, IProgress<ComputeProgress>? progress, bool optimize = true) =>
        Inline is { } known ? Delayed.Convert<T>(known.Value) : Delayed.Convert<T>(SchedulerChoice.Resolve(scheduler).Get(GetGraph(optimize), [Key], progress)[0]);

    /// <summary>The graph that <see cref="Compute(IScheduler?, bool)"/> runs: optimized for <see cref="Key"/> unless <paramref name="optimize"/> is false.</summary>
    public TaskGraph GetGraph(bool optimize = true) => optimize ? GraphOptimizer.Optimize(Graph, [Key]) : Graph;

    /// <summary>Computes the value.</summary>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    /// <remarks>The graph is optimized first, as by <see cref="Compute(IScheduler?, bool)"/>.</remarks>
    public async ValueTask<T> ComputeAsync(IScheduler? scheduler = null, CancellationToken cancellationToken = default)
    {
        var value = await SchedulerChoice.Resolve(scheduler).GetAsync(GetGraph(), Key, cancellationToken).ConfigureAwait(false);
        return Delayed.Convert<T>(value);
    }

    /// <summary>Computes the value, reporting progress.</summary>
    /// <param name="scheduler">Where to run; null for the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="progress">Receives the run's progress (done / total tasks per key group, bytes held) while it goes; null for none.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public async ValueTask<T> ComputeAsync(IScheduler? scheduler, IProgress<ComputeProgress>? progress, CancellationToken cancellationToken = default)
    {
        var values = await SchedulerChoice.Resolve(scheduler).ComputeAsync(GetGraph(), [Key], progress, cancellationToken).ConfigureAwait(false);
        return Delayed.Convert<T>(values[0]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Delayed<{typeof(T).Name}>({Key})";
}
