using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Tell the center a task threw.</summary>
/// <param name="Key">The key.</param>
/// <param name="Error">The error.</param>
internal sealed record ReportErredInstruction(TaskKey Key, ErrorInfo Error) : WorkerInstruction;
