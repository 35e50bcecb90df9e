using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: tasks to compute and the keys the client wants.</summary>
/// <param name="Tasks">The tasks, culled to what the wanted keys need.</param>
/// <param name="Wanted">The keys the client will gather.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
/// <param name="More">More parts of this submission follow; the wanted keys come with the last.</param>
/// <param name="Heads">The first bytes of nodes that several tasks share (the op of one function), sent once per part; see <see cref="SubmittedTask.Head"/>.</param>
[MessagePackObject]
internal sealed record SubmitGraphMessage(
    [property: Key(0)] SubmittedTask[] Tasks,
    [property: Key(1)] WireKey[] Wanted,
    [property: Key(2)] string StimulusId = "",
    [property: Key(3)] bool More = false,
    [property: Key(4)] byte[][]? Heads = null) : WireMessage;
