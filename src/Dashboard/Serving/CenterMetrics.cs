using LazyDist.Distributed;
using LazyDist.Distributed.Center;
using Prometheus;

namespace LazyDist.Dashboard.Serving;

/// <summary>
/// The center's state as Prometheus metrics, in a registry of its own (never the process-wide
/// default, so two centers in one process do not mix). Values are read from a snapshot when
/// scraped, so an unscraped center pays nothing.
/// </summary>
internal sealed class CenterMetrics
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly HashSet<(string Prefix, string State)> _labelled = [];

    public CenterMetrics(CenterHost center)
    {
        var factory = Metrics.WithCustomRegistry(_registry);
        var tasks = factory.CreateGauge("lazydist_tasks", "Tasks the center knows, by key group and state.", "prefix", "state");
        var finished = factory.CreateGauge("lazydist_prefix_finished_tasks", "Results of a key group that arrived from workers, in all.", "prefix");
        var workers = factory.CreateGauge("lazydist_workers", "Workers connected.");
        var threads = factory.CreateGauge("lazydist_threads", "Executor threads of all workers.");
        var held = factory.CreateGauge("lazydist_held_bytes", "Bytes of results held by all workers.");
        var transferred = factory.CreateGauge("lazydist_transferred_bytes_total", "Bytes workers fetched from each other, in all.");
        var completed = factory.CreateGauge("lazydist_completed_tasks_total", "Results received from workers, in all.");
        var workerBytes = factory.CreateGauge("lazydist_worker_process_bytes", "Resident memory of a worker's process.", "worker");
        _registry.AddBeforeCollectCallback(() =>
        {
            var snapshot = center.Snapshot();
            workers.Set(snapshot.Workers.Count);
            threads.Set(snapshot.Threads);
            held.Set(snapshot.HeldBytes);
            transferred.Set(snapshot.TransferredBytes);
            completed.Set(snapshot.CompletedTasks);
            var now = new HashSet<(string Prefix, string State)>();
            foreach (var prefix in snapshot.Prefixes)
            {
                foreach (var (state, count) in States(prefix))
                {
                    tasks.WithLabels(prefix.Name, state).Set(count);
                    now.Add((prefix.Name, state));
                }
                finished.WithLabels(prefix.Name).Set(prefix.Finished);
            }
            foreach (var gone in _labelled.Except(now).ToList())
                tasks.RemoveLabelled(gone.Prefix, gone.State);
            _labelled.Clear();
            _labelled.UnionWith(now);
            foreach (var worker in snapshot.Workers)
                workerBytes.WithLabels(worker.Name).Set(worker.Metrics?.ProcessBytes ?? 0);
        });
    }

    /// <summary>Writes the Prometheus text exposition to <paramref name="output"/>.</summary>
    public Task WriteAsync(Stream output, CancellationToken cancellationToken) => _registry.CollectAndExportAsTextAsync(output, cancellationToken);

    private static IEnumerable<(string State, int Count)> States(PrefixCounts prefix)
    {
        yield return ("waiting", prefix.Waiting);
        yield return ("processing", prefix.Processing);
        yield return ("memory", prefix.Memory);
        yield return ("released", prefix.Released);
        yield return ("erred", prefix.Erred);
        yield return ("forgotten", prefix.Forgotten);
    }
}
