using LazyDist.Distributed.Center;
using LazyDist.Distributed.Wire;

namespace LazyDist.Distributed;

public sealed partial class CenterHost
{
    /// <summary>Task runs a task stream can show: at 20,000 tiny tasks a second, the last second; at 100, the last minutes.</summary>
    private const int TaskRunsKept = 20_000;

    private readonly TaskRunLog _runs = new(TaskRunsKept);
    private readonly Dictionary<int, WorkerMetrics> _metrics = [];

    /// <summary>The center's state now, copied under its lock (see <see cref="CenterSnapshot"/>).</summary>
    internal CenterSnapshot Snapshot()
    {
        lock (_gate)
        {
            var prefixes = _state.Prefixes.Values.Select(PrefixCounts.Of).Where(p => p.Total > 0).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            var workers = _state.Workers.Values
                .Select(w => new WorkerView(w.Id, w.Name, w.Address, w.Threads, w.Processing.Count, Math.Max(w.ReportedKeys, w.HasWhat.Count), w.ReportedBytes, _metrics.GetValueOrDefault(w.Id)))
                .OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
            return new CenterSnapshot(_time.GetUtcNow(), prefixes, workers, _state.HeldBytes, _state.TransferredBytes, _state.CompletedTasks, _clients.Count);
        }
    }

    /// <summary>The task runs kept that stopped at or after <paramref name="since"/>, oldest first.</summary>
    internal IReadOnlyList<TaskRunView> TaskRuns(DateTimeOffset since) => TaskRuns(since, TaskRunsKept, out _);

    /// <summary>
    /// The latest <paramref name="most"/> task runs kept that stopped at or after <paramref name="since"/>,
    /// oldest first, and how many stopped since then in all. Only references are copied under the
    /// center's lock; keys are formatted after it is released.
    /// </summary>
    internal IReadOnlyList<TaskRunView> TaskRuns(DateTimeOffset since, int most, out int total)
    {
        TaskRunLog.Entry[] latest;
        lock (_gate)
            latest = _runs.Latest(since, most, out total);
        return TaskRunLog.Format(latest);
    }

    /// <summary>The known tasks' key groups with their counts and the groups they read (a walk of every task: for a page someone watches, not for every event).</summary>
    internal IReadOnlyList<KeyGroupView> KeyGroups()
    {
        const int sampled = 64; // tasks of one group read the same groups: a few of each tell
        lock (_gate)
        {
            var reads = new Dictionary<string, (SortedSet<string> Names, int Seen)>(StringComparer.Ordinal);
            foreach (var task in _state.Tasks.Values)
            {
                string name = task.Prefix.Name;
                if (!reads.TryGetValue(name, out var entry))
                    entry = (new SortedSet<string>(StringComparer.Ordinal), 0);
                if (entry.Seen < sampled)
                {
                    foreach (var dependency in task.Dependencies)
                    {
                        if (dependency.Prefix.Name != name)
                            entry.Names.Add(dependency.Prefix.Name);
                    }
                    entry.Seen++;
                }
                reads[name] = entry;
            }
            return [.. _state.Prefixes.Values.Select(PrefixCounts.Of).Where(p => p.Total > 0).OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new KeyGroupView(p, reads.TryGetValue(p.Name, out var r) ? [.. r.Names] : []))];
        }
    }

    /// <summary>Keeps what a task-run event tells for the task stream. Callers hold the lock.</summary>
    private void RecordRun(SchedulerEvent stimulus)
    {
        switch (stimulus)
        {
            case TaskFinishedEvent e:
                _runs.Add(e.Run, _names.GetValueOrDefault(e.WorkerId) ?? "?", e.FetchedBytes, failed: false);
                break;
            case TaskErredEvent e:
                _runs.Add(e.Run, _names.GetValueOrDefault(e.WorkerId) ?? "?", 0, failed: true);
                break;
            case WorkerLeftEvent e:
                _metrics.Remove(e.WorkerId);
                break;
        }
    }

    /// <summary>Keeps a worker's own measurements. Callers hold the lock.</summary>
    private void ReceiveMetrics(int id, WorkerMetricsMessage message)
    {
        _metrics[id] = new WorkerMetrics(message.ProcessBytes, message.CpuPercent, message.SentBytes, message.ReceivedBytes);
        _memory.Add(_time.GetUtcNow(), _names.GetValueOrDefault(id) ?? "?", message.ProcessBytes);
    }

    /// <summary>A client's progress question answered from the per-group counters. Callers hold the lock.</summary>
    private ProgressMessage AnswerProgress(GetProgressMessage question)
    {
        var finished = new long[question.Prefixes.Length];
        for (int i = 0; i < finished.Length; i++)
            finished[i] = _state.Prefixes.TryGetValue(question.Prefixes[i], out var prefix) ? prefix.Finished : 0;
        return new ProgressMessage(finished, _state.HeldBytes);
    }
}
