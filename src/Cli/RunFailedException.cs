namespace LazyDist.Cli;

/// <summary>A command could not do its job for a reason outside its arguments (a port in use, say); the message says what, in one line. Exit code 1.</summary>
internal sealed class RunFailedException(string message, Exception? inner = null) : Exception(message, inner);
