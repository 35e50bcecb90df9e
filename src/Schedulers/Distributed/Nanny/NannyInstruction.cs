using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed.Nanny;

/// <summary>An output of <see cref="NannyState"/>: something the nanny's host must do.</summary>
internal abstract record NannyInstruction;

/// <summary>Start a worker process.</summary>
/// <param name="RestartReason">Why it replaces the last one (its hello tells the center); null for the first.</param>
internal sealed record StartChildInstruction(string? RestartReason) : NannyInstruction;

/// <summary>Kill the worker process at once (SIGKILL).</summary>
internal sealed record KillChildInstruction : NannyInstruction;

/// <summary>Ask the worker process to stop (close its standard input), and kill it if it has not within a grace period.</summary>
internal sealed record StopChildInstruction : NannyInstruction;

/// <summary>The nanny is done.</summary>
/// <param name="Code">Its exit code: 0 after a clean stop, 1 when the worker lost its center or kept dying, 2 when it could not start.</param>
internal sealed record ExitInstruction(int Code) : NannyInstruction;

/// <summary>Say something in the nanny's log.</summary>
/// <param name="Level">How loud.</param>
/// <param name="Text">What.</param>
internal sealed record LogInstruction(LogLevel Level, string Text) : NannyInstruction;
