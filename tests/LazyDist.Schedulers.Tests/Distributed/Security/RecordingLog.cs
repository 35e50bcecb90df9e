using Microsoft.Extensions.Logging;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>Keeps every log line (and shows it on NUnit's progress stream); tests wait for a line without sleeping.</summary>
internal sealed class RecordingLog : ILoggerFactory, ILoggerProvider
{
    private readonly LineWaiters _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.Lines;

    /// <summary>Completes with the first line (logged before or after the call) that <paramref name="match"/> accepts.</summary>
    public Task<string> WaitForAsync(Func<string, bool> match) => _lines.WaitForAsync(match);

    public int Count(Func<string, bool> match) => _lines.Lines.Count(match);

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
        _lines.Add(line);
    }

    private sealed class Logger(RecordingLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Add($"{logLevel} {category}: {formatter(state, exception)}");
    }
}
