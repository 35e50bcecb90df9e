namespace LazyDist.Distributed.Worker;

/// <summary>An input of <see cref="WorkerState"/>: something that happened, with the id that traces its effects.</summary>
/// <param name="StimulusId">Logged with every move the event causes and copied onto every instruction it causes.</param>
internal abstract record WorkerEvent(string StimulusId);
