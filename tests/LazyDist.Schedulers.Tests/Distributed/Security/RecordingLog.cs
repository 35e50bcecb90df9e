using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>Keeps every log line (and shows it on NUnit's progress stream); tests wait for a line without sleeping.</summary>
internal sealed class RecordingLog : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Completes with the first line (logged before or after the call) that <paramref name="match"/> accepts.</summary>
    public Task<string> WaitForAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            var earlier = _lines.FirstOrDefault(match);
            if (earlier is not null)
                return Task.FromResult(earlier);
            _waiters.Add((match, seen));
        }
        return seen.Task;
    }

    public int Count(Func<string, bool> match) => _lines.Count(match);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        TestContext.Progress.WriteLine(line);
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

    private sealed class Logger(RecordingLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Add($"{logLevel} {category}: {formatter(state, exception)}");
    }
}
