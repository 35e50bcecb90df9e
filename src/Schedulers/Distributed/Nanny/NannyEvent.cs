namespace LazyDist.Distributed.Nanny;

/// <summary>An input of <see cref="NannyState"/>: something that happened to the nanny or its worker process.</summary>
internal abstract record NannyEvent;

/// <summary>The nanny begins: it starts its first worker process.</summary>
internal sealed record NannyStartedEvent : NannyEvent;

/// <summary>The worker process exited.</summary>
/// <param name="ExitCode">Its exit code (128 + the signal's number when a signal killed it).</param>
internal sealed record ChildExitedEvent(int ExitCode) : NannyEvent;

/// <summary>The worker process's memory was measured.</summary>
/// <param name="Bytes">Its resident set.</param>
internal sealed record MemorySampledEvent(long Bytes) : NannyEvent;

/// <summary>Stop the worker process cleanly, then the nanny (a signal, or its owner closing).</summary>
internal sealed record StopRequestedEvent : NannyEvent;

/// <summary>Replace the worker process with a new one (dask's restart): results it held are lost.</summary>
/// <param name="Reason">Why, for the logs and the center.</param>
internal sealed record RestartRequestedEvent(string Reason) : NannyEvent;
