namespace LazyDist.Distributed.Center;

/// <summary>A task's failure, as text that travels: exception type, message and stack trace.</summary>
/// <param name="ExceptionType">The exception's full type name.</param>
/// <param name="Message">Its message.</param>
/// <param name="StackTrace">Where it was thrown.</param>
internal sealed record ErrorInfo(string ExceptionType, string Message, string? StackTrace);
