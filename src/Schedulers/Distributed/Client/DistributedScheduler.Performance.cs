using LazyDist.Distributed.Wire;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler
{
    private readonly Queue<TaskCompletionSource<PerformanceMessage>> _performanceRequests = new();

    /// <summary>
    /// The center's records of task runs that stopped, and of worker memory measured, at or after
    /// <paramref name="since"/> (by the center's clock), with its clock now: what a performance
    /// report draws (the LazyDist.Dashboard package's <c>PerformanceReportAsync</c>).
    /// </summary>
    /// <exception cref="IOException">The center was lost.</exception>
    internal Task<PerformanceMessage> AskPerformanceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var answer = new TaskCompletionSource<PerformanceMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lost is { } lost)
                return Task.FromException<PerformanceMessage>(LostError(lost.Message, lost));
            _performanceRequests.Enqueue(answer);
            Send(new GetPerformanceMessage(since.UtcTicks));
        }
        return answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The center's answer to the oldest performance question. Callers hold the lock.</summary>
    private void Answered(PerformanceMessage message)
    {
        if (_performanceRequests.TryDequeue(out var request))
            request.TrySetResult(message);
    }

    /// <summary>Fails every performance question still waiting (the center is gone). Callers hold the lock.</summary>
    private void FailPerformance(Exception error)
    {
        while (_performanceRequests.TryDequeue(out var request))
            request.TrySetException(error);
    }
}
