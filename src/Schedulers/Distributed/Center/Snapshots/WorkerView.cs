namespace LazyDist.Distributed.Center;

/// <summary>One worker as a dashboard shows it.</summary>
/// <param name="Id">Its connection id at the center.</param>
/// <param name="Name">Its name.</param>
/// <param name="Address">Its data endpoint.</param>
/// <param name="Threads">Executor threads.</param>
/// <param name="Processing">Tasks running or queued on it.</param>
/// <param name="HeldKeys">Keys it holds (its last report: results and fetched copies).</param>
/// <param name="HeldBytes">Bytes it holds (its last report).</param>
/// <param name="Metrics">Its process's last measurements; null before the first arrives.</param>
internal sealed record WorkerView(int Id, string Name, string Address, int Threads, int Processing, int HeldKeys, long HeldBytes, WorkerMetrics? Metrics);
