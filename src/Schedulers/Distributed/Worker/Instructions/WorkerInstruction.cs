namespace LazyDist.Distributed.Worker;

/// <summary>An output of <see cref="WorkerState"/>: something the worker host must do.</summary>
internal abstract record WorkerInstruction;
