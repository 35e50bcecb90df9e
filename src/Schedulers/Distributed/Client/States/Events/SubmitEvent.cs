using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>The user submitted tasks and wants keys kept (a computation, futures, a persist).</summary>
/// <param name="Tasks">The tasks, their nodes serialized, inputs before the tasks that read them; keys the center holds already need not be among them.</param>
/// <param name="Wanted">One entry per interest taken (repeats count).</param>
/// <param name="Code">The user assemblies the tasks need, roots and their dependencies (those offered before are skipped).</param>
/// <param name="StimulusId">Traces the event's effects (<c>graph-submitted-client-N</c>).</param>
/// <param name="More">More parts of this submission follow (a big graph is serialized and sent part by part); the wanted keys come with the last.</param>
internal sealed record SubmitEvent(ValueList<TaskSpec> Tasks, ValueList<TaskKey> Wanted, ValueList<CodeOffer> Code, string StimulusId, bool More = false) : ClientEvent(StimulusId);
