using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler : IReportsProgress
{
    private readonly Queue<TaskCompletionSource<ProgressMessage>> _progressRequests = new();

    /// <inheritdoc/>
    /// <remarks>
    /// The center counts results per key group, for every client; a run's progress is how many
    /// results of its groups arrived since it was submitted (asked every 100 ms while it runs).
    /// Keys another run already holds add to the count only at the end.
    /// </remarks>
    /// <exception cref="NotSupportedException">A task's function captures a value that cannot travel; the message names the task and the value.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public async ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(progress);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Count == 0)
        {
            new ProgressTracker(keys, progress).Finish(0);
            return [];
        }
        var tasks = graph.RunOrder(keys); // one walk: it names the key groups and is what is submitted
        var tracker = new ProgressTracker(tasks, progress);
        string[] names = [.. tracker.Names];
        var baseline = AskProgress(names); // sent before the submission, so it counts what came before
        tracker.Report(0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var computing = ComputeInRunOrderAsync(tasks, keys, Retries, stop.Token).AsTask();
        var following = FollowAsync(tracker, names, baseline, stop.Token);
        object?[] values;
        try
        {
            values = await computing.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await WithoutFailure(following).ConfigureAwait(false); // no report after this, so the last one below is the last
        }
        tracker.Finish((await WithoutFailure(AskProgress(names)).ConfigureAwait(false))?.HeldBytes ?? 0);
        return values;
    }

    private async Task FollowAsync(ProgressTracker tracker, string[] names, Task<ProgressMessage> baseline, CancellationToken cancellationToken)
    {
        var before = (await baseline.ConfigureAwait(false)).Finished;
        while (true)
        {
            await Task.Delay(ProgressTracker.Interval, cancellationToken).ConfigureAwait(false);
            var now = await AskProgress(names).WaitAsync(cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            tracker.Report([.. now.Finished.Select((f, i) => f - before[i])], now.HeldBytes);
        }
    }

    private Task<ProgressMessage> AskProgress(string[] names)
    {
        var answer = new TaskCompletionSource<ProgressMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lost is { } lost)
                return Task.FromException<ProgressMessage>(LostError(lost.Message, lost));
            _progressRequests.Enqueue(answer);
            Send(new GetProgressMessage(names));
        }
        return answer.Task;
    }

    /// <summary>The center's answer to the oldest progress question. Callers hold the lock.</summary>
    private void Answered(ProgressMessage message)
    {
        if (_progressRequests.TryDequeue(out var request))
            request.TrySetResult(message);
    }

    /// <summary>Fails every progress question still waiting (the center is gone). Callers hold the lock.</summary>
    private void FailProgress(Exception error)
    {
        while (_progressRequests.TryDequeue(out var request))
            request.TrySetException(error);
    }

    private static async Task<T?> WithoutFailure<T>(Task<T> task) where T : class
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task WithoutFailure(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // Progress is best effort: the run's own outcome is what the caller sees.
        }
    }
}
