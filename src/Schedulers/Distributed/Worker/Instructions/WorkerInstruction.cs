namespace LazyDist.Distributed.Worker;

/// <summary>An output of <see cref="WorkerState"/>: something the worker host must do.</summary>
/// <param name="StimulusId">The event that caused it.</param>
internal abstract record WorkerInstruction(string StimulusId);
