using System.Collections.Concurrent;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>Lines as they come (log lines, a process's output), and tasks that complete on the first line that matches, before or after they were asked for.</summary>
internal sealed class LineWaiters
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    public IReadOnlyCollection<string> Lines => _lines;

    public void Add(string line)
    {
        lock (_waiters)
        {
            _lines.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes with the first line that <paramref name="match"/> accepts; <paramref name="seen"/> may also be failed by the caller.</summary>
    public Task<string> WaitForAsync(Func<string, bool> match, TaskCompletionSource<string>? seen = null)
    {
        seen ??= new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            var earlier = _lines.FirstOrDefault(match);
            if (earlier is not null)
                return Task.FromResult(earlier);
            _waiters.Add((match, seen));
        }
        return seen.Task;
    }
}
