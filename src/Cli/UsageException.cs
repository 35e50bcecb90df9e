namespace LazyDist.Cli;

/// <summary>A command-line argument is wrong; the message says which and why, in one line.</summary>
internal sealed class UsageException(string message) : Exception(message);
