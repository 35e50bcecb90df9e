namespace LazyDist.Distributed.Center;

/// <summary>Workers restarted by their nannies: counted, and counted against what the old process was running.</summary>
internal sealed partial class SchedulerState
{
    private readonly Dictionary<string, int> _restarts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _restartReasons = new(StringComparer.Ordinal);

    /// <summary>Worker processes that replaced an earlier one of the same name, in all.</summary>
    public int Restarts { get; private set; }

    /// <summary>How many times the worker called <paramref name="name"/> was restarted by its nanny.</summary>
    public int RestartsOf(string name) => _restarts.GetValueOrDefault(name);

    /// <summary>
    /// A nanny's new process joined. The old one is dead; if its connection has not closed yet here,
    /// it is removed now, with the nanny's reason, so its running tasks count the death (toward the
    /// worker-killer verdict) exactly as when a connection closes.
    /// </summary>
    private void WorkerRestarted(WorkerRestartedEvent e)
    {
        if (!_workers.TryGetValue(e.WorkerId, out var worker))
            return;
        Restarts++;
        _restarts[worker.Name] = RestartsOf(worker.Name) + 1;
        _restartReasons[worker.Name] = e.Reason;
        string reason = $"restarted by its nanny: {e.Reason}";
        foreach (var old in _workers.Values.Where(w => w.Name == worker.Name && w.Id != worker.Id).ToList())
        {
            Emit(new RemoveWorkerInstruction(old.Id, reason, _stimulus));
            RemoveWorker(old.Id, reason);
        }
    }

    /// <summary>
    /// What the nannies of <paramref name="workers"/> said when they last restarted them, for a
    /// worker-killer verdict: a death's connection closes before the nanny's reason arrives with the
    /// new process, so the reason of the last death may not be known yet, but those before it are.
    /// </summary>
    private string RestartNote(IEnumerable<string> workers)
    {
        var said = workers.Distinct(StringComparer.Ordinal)
            .Where(_restartReasons.ContainsKey)
            .Select(name => $"{name} {_restartReasons[name]}")
            .ToList();
        return said.Count == 0 ? "" : $"; their nannies said: {string.Join(", ", said)}";
    }
}
