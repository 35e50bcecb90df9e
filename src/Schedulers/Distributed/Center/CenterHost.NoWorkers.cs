using LazyDist.Distributed.Wire;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class CenterHost
{
    /// <summary>How long tasks wait for a worker before the center says so in its log.</summary>
    private static readonly TimeSpan NoWorkersWarning = TimeSpan.FromSeconds(5);

    private DateTimeOffset? _warnedNoWorkers;

    /// <summary>Once per wait: tasks have waited a few seconds and no worker is connected.</summary>
    private void WarnIfNoWorkers()
    {
        int waiting;
        lock (_gate)
        {
            var since = _state.UnrunnableSince;
            if (since is null || _time.GetUtcNow() - since < NoWorkersWarning || _warnedNoWorkers == since)
                return;
            _warnedNoWorkers = since;
            waiting = _state.UnrunnableTasks;
        }
        _log.LogWarning("no workers connected to {Address}; {Tasks} tasks waiting (they fail after {Seconds:0.#} s)", Address, waiting, _options.NoWorkersTimeout.TotalSeconds);
    }

    /// <summary>Answers a client's wait for workers once enough are connected (or forgets it when the client leaves).</summary>
    private async Task AnswerWhenWorkersAsync(int client, WireConnection connection, WaitForWorkersMessage request)
    {
        try
        {
            await WaitForAsync(s => s.WorkerCount >= request.Count || !_clients.ContainsKey(client), _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // the center stops
        }
        lock (_gate)
        {
            if (_clients.ContainsKey(client))
                Queue(connection, new WorkersJoinedMessage(request.RequestId, _state.WorkerCount));
        }
    }
}
