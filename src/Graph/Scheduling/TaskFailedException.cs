namespace LazyDist.Graph;

/// <summary>
/// A task threw. Carries the failing key and the original exception's type, message and stack
/// trace (as text, so the same exception can describe a failure in another process), and the
/// original exception itself as <see cref="Exception.InnerException"/> when it ran here.
/// </summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TaskFailedException() => ExceptionType = nameof(Exception);

    /// <summary>Creates the exception with a message.</summary>
    public TaskFailedException(string message) : base(message) => ExceptionType = nameof(Exception);

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TaskFailedException(string message, Exception innerException) : base(message, innerException) =>
        ExceptionType = innerException?.GetType().FullName ?? nameof(Exception);

    /// <summary>Task <paramref name="key"/> threw <paramref name="error"/> in this process.</summary>
    public TaskFailedException(TaskKey key, Exception error)
        : base(Describe(key, error?.GetType().FullName, error?.Message), error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Key = key;
        ExceptionType = error.GetType().FullName ?? error.GetType().Name;
        OriginalStackTrace = error.StackTrace;
    }

    /// <summary>Task <paramref name="key"/> threw in another process, described by type, message and stack.</summary>
    public TaskFailedException(TaskKey key, string exceptionType, string originalMessage, string? originalStackTrace)
        : base(Describe(key, exceptionType, originalMessage))
    {
        Key = key;
        ExceptionType = exceptionType;
        OriginalStackTrace = originalStackTrace;
    }

    /// <summary>The key of the task that failed.</summary>
    public TaskKey Key { get; }

    /// <summary>The full name of the original exception's type.</summary>
    public string ExceptionType { get; }

    /// <summary>The original exception's stack trace, where it was thrown.</summary>
    public string? OriginalStackTrace { get; }

    private static string Describe(TaskKey key, string? type, string? message) =>
        $"task {key} failed: {type}: {message}";
}
