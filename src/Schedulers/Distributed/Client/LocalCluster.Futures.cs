using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>The pool and the futures API, through <see cref="Client"/>.</summary>
public sealed partial class LocalCluster
{
    /// <inheritdoc cref="DistributedScheduler.Pool"/>
    public Pool Pool => Client.Pool;

    /// <inheritdoc cref="DistributedScheduler.Retries"/>
    public int Retries
    {
        get => Client.Retries;
        set => Client.Retries = value;
    }

    /// <inheritdoc cref="DistributedScheduler.GetStatisticsAsync"/>
    public Task<ClusterStatistics> GetStatisticsAsync(bool resetPeak = false, CancellationToken cancellationToken = default) =>
        Client.GetStatisticsAsync(resetPeak, cancellationToken);

    /// <inheritdoc cref="DistributedScheduler.Submit{TResult}(Func{TResult}, bool, TaskKey?)"/>
    public Future<TResult> Submit<TResult>(Func<TResult> f, bool pure = true, TaskKey? key = null) =>
        Client.Submit(f, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Submit{T1, TResult}(Func{T1, TResult}, T1, bool, TaskKey?)"/>
    public Future<TResult> Submit<T1, TResult>(Func<T1, TResult> f, T1 a1, bool pure = true, TaskKey? key = null) =>
        Client.Submit(f, a1, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Submit{T1, TResult}(Func{T1, TResult}, ClusterArg{T1}, bool, TaskKey?)"/>
    public Future<TResult> Submit<T1, TResult>(Func<T1, TResult> f, ClusterArg<T1> a1, bool pure = true, TaskKey? key = null) =>
        Client.Submit(f, a1, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Submit{T1, T2, TResult}(Func{T1, T2, TResult}, T1, T2, bool, TaskKey?)"/>
    public Future<TResult> Submit<T1, T2, TResult>(Func<T1, T2, TResult> f, T1 a1, T2 a2, bool pure = true, TaskKey? key = null) =>
        Client.Submit(f, a1, a2, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Submit{T1, T2, TResult}(Func{T1, T2, TResult}, ClusterArg{T1}, ClusterArg{T2}, bool, TaskKey?)"/>
    public Future<TResult> Submit<T1, T2, TResult>(Func<T1, T2, TResult> f, ClusterArg<T1> a1, ClusterArg<T2> a2, bool pure = true, TaskKey? key = null) =>
        Client.Submit(f, a1, a2, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Submit{T1, T2, T3, TResult}(Func{T1, T2, T3, TResult}, T1, T2, T3, bool, TaskKey?)"/>
    public Future<TResult> Submit<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f, T1 a1, T2 a2, T3 a3, bool pure = true, TaskKey? key = null) =>
        Client.Submit(f, a1, a2, a3, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Submit{T1, T2, T3, TResult}(Func{T1, T2, T3, TResult}, ClusterArg{T1}, ClusterArg{T2}, ClusterArg{T3}, bool, TaskKey?)"/>
    public Future<TResult> Submit<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f, ClusterArg<T1> a1, ClusterArg<T2> a2, ClusterArg<T3> a3, bool pure = true, TaskKey? key = null) =>
        Client.Submit(f, a1, a2, a3, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Submit{T1, T2, T3, T4, TResult}(Func{T1, T2, T3, T4, TResult}, T1, T2, T3, T4, bool, TaskKey?)"/>
    public Future<TResult> Submit<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f, T1 a1, T2 a2, T3 a3, T4 a4, bool pure = true, TaskKey? key = null) =>
        Client.Submit(f, a1, a2, a3, a4, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Submit{T1, T2, T3, T4, TResult}(Func{T1, T2, T3, T4, TResult}, ClusterArg{T1}, ClusterArg{T2}, ClusterArg{T3}, ClusterArg{T4}, bool, TaskKey?)"/>
    public Future<TResult> Submit<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f, ClusterArg<T1> a1, ClusterArg<T2> a2, ClusterArg<T3> a3, ClusterArg<T4> a4, bool pure = true, TaskKey? key = null) =>
        Client.Submit(f, a1, a2, a3, a4, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Map{T1, TResult}(Func{T1, TResult}, IEnumerable{T1}, bool, string?)"/>
    public IReadOnlyList<Future<TResult>> Map<T1, TResult>(Func<T1, TResult> f, IEnumerable<T1> items, bool pure = true, string? key = null) =>
        Client.Map(f, items, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Map{T1, TResult}(Func{T1, TResult}, IEnumerable{ClusterArg{T1}}, bool, string?)"/>
    public IReadOnlyList<Future<TResult>> Map<T1, TResult>(Func<T1, TResult> f, IEnumerable<ClusterArg<T1>> items, bool pure = true, string? key = null) =>
        Client.Map(f, items, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Map{T1, T2, TResult}(Func{T1, T2, TResult}, IEnumerable{T1}, IEnumerable{T2}, bool, string?)"/>
    public IReadOnlyList<Future<TResult>> Map<T1, T2, TResult>(Func<T1, T2, TResult> f, IEnumerable<T1> first, IEnumerable<T2> second, bool pure = true, string? key = null) =>
        Client.Map(f, first, second, pure, key);

    /// <inheritdoc cref="DistributedScheduler.Scatter{T}(IEnumerable{T}, bool)"/>
    public IReadOnlyList<Future<T>> Scatter<T>(IEnumerable<T> values, bool hash = true) => Client.Scatter(values, hash);

    /// <inheritdoc cref="DistributedScheduler.Gather{T}(IEnumerable{Future{T}})"/>
    public T[] Gather<T>(IEnumerable<Future<T>> futures) => Client.Gather(futures);

    /// <inheritdoc cref="DistributedScheduler.GatherAsync{T}(IEnumerable{Future{T}}, CancellationToken)"/>
    public Task<T[]> GatherAsync<T>(IEnumerable<Future<T>> futures, CancellationToken cancellationToken = default) =>
        Client.GatherAsync(futures, cancellationToken);

    /// <inheritdoc cref="DistributedScheduler.AsCompleted{T}(IEnumerable{Future{T}}, CancellationToken)"/>
    public IAsyncEnumerable<Future<T>> AsCompleted<T>(IEnumerable<Future<T>> futures, CancellationToken cancellationToken = default) =>
        Client.AsCompleted(futures, cancellationToken);

    /// <inheritdoc cref="DistributedScheduler.Cancel{T}(IEnumerable{Future{T}})"/>
    public void Cancel<T>(IEnumerable<Future<T>> futures) => Client.Cancel(futures);

    /// <inheritdoc cref="DistributedScheduler.Persist(TaskGraph, IReadOnlyList{TaskKey})"/>
    public IReadOnlyList<Future<object?>> Persist(TaskGraph graph, IReadOnlyList<TaskKey> keys) => Client.Persist(graph, keys);
}
