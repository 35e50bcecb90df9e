using Microsoft.Extensions.Logging;

namespace LazyDist.Schedulers.Tests.Distributed;

/// <summary>Logs of clusters under test, on NUnit's progress stream (shown when a test hangs or fails).</summary>
internal static class TestLog
{
    public static ILoggerFactory Create() => LoggerFactory.Create(b => b.AddProvider(new ProgressProvider()).SetMinimumLevel(LogLevel.Debug));

    private sealed class ProgressProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ProgressLogger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class ProgressLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            TestContext.Progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}");
    }
}
