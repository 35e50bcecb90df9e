using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: a task threw.</summary>
/// <param name="Key">The task.</param>
/// <param name="ExceptionType">The exception's full type name.</param>
/// <param name="Text">The exception's message.</param>
/// <param name="StackTrace">Where it was thrown, on the worker.</param>
[MessagePackObject]
internal sealed record TaskErredMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] string ExceptionType,
    [property: Key(2)] string Text,
    [property: Key(3)] string? StackTrace) : WireMessage;
