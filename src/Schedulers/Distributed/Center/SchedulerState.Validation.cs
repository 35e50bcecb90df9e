using LazyDist.Distributed.States;

namespace LazyDist.Distributed.Center;

internal sealed partial class SchedulerState
{
    /// <summary>
    /// Checks every invariant (on after every event when <see cref="SchedulerOptions.Validate"/>):
    /// each status agrees with the queues, workers and inputs; nothing is in memory that no
    /// pending dependent or client needs; who-has and has-what agree; counters match a recount.
    /// </summary>
    /// <exception cref="ImpossibleTransitionException">An invariant is broken; the message names the task or worker, and tells the task's story.</exception>
    public void CheckInvariants()
    {
        foreach (var (key, task) in _tasks)
        {
            Require(task.Key == key, task, "is filed under another key");
            CheckTask(task);
        }
        CheckWorkersAndClients();
        foreach (var (session, count) in _sessionTasks)
        {
            int actual = _tasks.Values.Count(t => t.Session == session);
            if (actual != count)
                throw new InvalidOperationException($"scheduler invariant broken: session {session} counts {count} tasks but has {actual}");
        }
        var recount = _tasks.Values.GroupBy(t => (t.Prefix, t.Status)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var prefix in _prefixes.Values)
        {
            foreach (var status in Enum.GetValues<CenterTaskStatus>().Where(s => s != CenterTaskStatus.Forgotten))
            {
                int actual = recount.GetValueOrDefault((prefix, status));
                if (prefix.Count(status) != actual)
                    throw new InvalidOperationException($"scheduler invariant broken: prefix {prefix.Name} counts {prefix.Count(status)} tasks {status} but has {actual}");
            }
        }
        long held = _tasks.Values.Sum(t => t.NBytes * t.WhoHas.Count);
        if (held != HeldBytes)
            throw new InvalidOperationException($"scheduler invariant broken: held bytes {HeldBytes} but the results in memory add up to {held}");
    }

    /// <summary>
    /// The checks of validate mode after one event: every task whose status or holders the event
    /// changed, with its inputs (whose pending counts it moved), each against its workers and
    /// clients: linear in what changed, so large graphs stay testable. Tests call
    /// <see cref="CheckInvariants"/> for everything.
    /// </summary>
    private void CheckTouched()
    {
        var around = new HashSet<CenterTask>(_touched);
        foreach (var task in _touched)
            around.UnionWith(task.Dependencies);
        foreach (var task in around)
        {
            if (_tasks.TryGetValue(task.Key, out var known) && ReferenceEquals(known, task))
                CheckTask(task);
            else
                Require(task.Status == CenterTaskStatus.Forgotten && task.WhoHas.Count == 0 && task.WantedBy.Count == 0, task, "was forgotten while still in use");
        }
        _touched.Clear();
    }

    private void CheckTask(CenterTask task)
    {
        {
            Require((task.Status == CenterTaskStatus.Memory) == (task.WhoHas.Count > 0), task, "has holders only when in memory");
            Require((task.Status == CenterTaskStatus.Processing) == (task.ProcessingOn is not null), task, "has a worker only when processing");
            Require((task.Status == CenterTaskStatus.Queued) == _queuedRoots.Contains(task), task, "is in the root queue only when queued");
            Require((task.Status == CenterTaskStatus.NoWorker) == _noWorker.Contains(task), task, "is in the no-worker set only when it has no worker");
            Require(task.Status != CenterTaskStatus.Queued || task.Dependencies.Length == 0, task, "is queued for admission but is not a root task");
            Require(task.Status != CenterTaskStatus.NoWorker || !AnyRunning(), task, "has no worker while workers that are not paused are connected");
            Require(task.Status != CenterTaskStatus.Forgotten, task, "is forgotten but still filed");
            if (task.ProcessingOn is { } worker)
                Require(_workers.ContainsValue(worker) && worker.Processing.Contains(task), task, "is processing on a worker that does not list it");
            foreach (var holder in task.WhoHas)
                Require(_workers.ContainsValue(holder) && holder.HasWhat.Contains(task), task, $"is said to be on {holder}, which does not list it");
            if (task.Status == CenterTaskStatus.Waiting)
            {
                var missing = task.Dependencies.Where(d => d.Status != CenterTaskStatus.Memory).ToHashSet();
                Require(missing.SetEquals(task.WaitingOn.ToArray()) && missing.Count > 0, task, "waits on other inputs than those not in memory");
            }
            else
            {
                Require(task.WaitingOn.Count == 0, task, "has a waiting set but is not waiting");
            }
            if (task.Status is CenterTaskStatus.Queued or CenterTaskStatus.NoWorker or CenterTaskStatus.Processing)
                Require(task.Dependencies.All(d => d.Status == CenterTaskStatus.Memory), task, "is ready with an input not in memory");
            Require(task.PendingDependents == task.Dependents.ToArray().Count(d => d.IsPending), task, "has a wrong pending-dependent count");
            Require(task.Status != CenterTaskStatus.Memory || task.IsNeeded, task, "is in memory but nothing needs it");
            Require(task.Status != CenterTaskStatus.Released || task.IsNeeded == false || task.Dependents.ToArray().Any(d => d.IsPending) == false,
                task, "is released while a pending dependent needs it");
            if (_steals.TryGetValue(task, out var steal))
                Require(task.Status == CenterTaskStatus.Processing && task.ProcessingOn == steal.Victim, task, "has a steal in flight but is not processing on its victim");
            foreach (var dep in task.Dependencies)
                Require(_tasks.TryGetValue(dep.Key, out var known) && ReferenceEquals(known, dep) && dep.Dependents.Contains(task), task, $"has input {dep.Key} that is unknown or does not list it");
            foreach (int client in task.WantedBy)
                Require(_wantedByClient.TryGetValue(client, out var wanted) && wanted.Contains(task), task, $"is wanted by client {client}, which does not list it");
        }
    }

    private void CheckWorkersAndClients()
    {
        foreach (var worker in _workers.Values)
        {
            foreach (var task in worker.HasWhat)
                Require(task.WhoHas.Contains(worker) && _tasks.ContainsKey(task.Key), task, $"is listed by {worker} but not held there");
            foreach (var task in worker.Processing)
                Require(task.ProcessingOn == worker && task.Status == CenterTaskStatus.Processing, task, $"is listed as processing by {worker}");
        }
        foreach (var steal in _steals.Values)
            Require(steal.Task.Status == CenterTaskStatus.Processing && steal.Task.ProcessingOn == steal.Victim, steal.Task, "has a steal in flight but is not processing on its victim");
        foreach (var (client, wanted) in _wantedByClient)
        {
            foreach (var task in wanted)
                Require(task.WantedBy.Contains(client), task, $"is listed by client {client} but does not name it");
        }
    }

    private void Require(bool condition, CenterTask task, string what)
    {
        if (!condition)
            throw new ImpossibleTransitionException($"scheduler invariant broken: task {task}: {what}; story: {_log.Tell(task.Key)}", task.Key);
    }
}
