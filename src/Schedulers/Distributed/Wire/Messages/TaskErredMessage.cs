using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: a task threw.</summary>
/// <param name="Key">The task that threw.</param>
/// <param name="ExceptionType">The exception's full type name.</param>
/// <param name="Text">The exception's message.</param>
/// <param name="StackTrace">Where it was thrown, on the worker.</param>
/// <param name="Thread">The executor thread it ran on.</param>
/// <param name="StartedTicks">When it started: UTC ticks by the worker's clock.</param>
/// <param name="StoppedTicks">When it stopped: UTC ticks by the worker's clock.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record TaskErredMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] string ExceptionType,
    [property: Key(2)] string Text,
    [property: Key(3)] string? StackTrace,
    [property: Key(4)] int Thread,
    [property: Key(5)] long StartedTicks,
    [property: Key(6)] long StoppedTicks,
    [property: Key(7)] string StimulusId = "") : WireMessage;
