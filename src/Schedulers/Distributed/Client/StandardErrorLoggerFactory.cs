using System.Globalization;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

/// <summary>
/// The loggers of a <see cref="LocalCluster"/> worker process: one line per message on standard
/// error (<c>12:00:01.234 warn: category: message</c>), so the library needs only the logging
/// abstractions and never imposes a console logging provider on the programs that use it.
/// </summary>
internal sealed class StandardErrorLoggerFactory(LogLevel minimum) : ILoggerFactory
{
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimum);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("a worker process logs to standard error only");

    public void Dispose() => Console.Error.Flush();

    private sealed class Logger(string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            string line = string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetLocalNow():HH:mm:ss.fff} {Name(logLevel)}: {category}: {formatter(state, exception)}");
            if (exception is not null)
                line += Environment.NewLine + exception;
            lock (Gate)
                Console.Error.WriteLine(line);
        }

        private static string Name(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
