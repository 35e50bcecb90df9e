namespace LazyDist.Distributed.Worker;

/// <summary>An input of <see cref="WorkerState"/>.</summary>
internal abstract record WorkerEvent;
