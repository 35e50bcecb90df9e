using LazyDist.Distributed.States;
using static LazyDist.Distributed.Center.CenterTaskStatus;

namespace LazyDist.Distributed.Center;

/// <summary>Workers: joining, leaving, and results that are lost with them or cannot be fetched.</summary>
internal sealed partial class SchedulerState
{
    private void WorkerJoined(WorkerJoinedEvent e)
    {
        if (e.Threads < 1)
            throw new ArgumentException($"worker {e.Name} has {e.Threads} threads", nameof(e));
        _workers[e.WorkerId] = new CenterWorker(e.WorkerId, e.Name, e.Address, e.Threads, _now);
    }

    /// <summary>
    /// A worker is gone: what it was running goes back to waiting (or fails, if it keeps killing
    /// workers), and what it held is recomputed from lineage where still needed.
    /// </summary>
    private void RemoveWorker(int workerId, string reason)
    {
        if (!_workers.Remove(workerId, out var worker))
            return;
        Reported(worker, 0);
        // First count the death against its running tasks: a task that keeps killing workers fails...
        var requeue = new List<CenterTask>();
        foreach (var task in worker.Processing.ToList())
        {
            (task.KilledWorkers ??= []).Add(worker.Name);
            if (task.KilledWorkers.Count > Options.AllowedFailures)
            {
                Fail(task, new ErrorInfo("LazyDist.KilledWorker",
                    $"task {task.Key} kept killing workers: {task.KilledWorkers.Count} workers died while running it " +
                    $"({string.Join(", ", task.KilledWorkers)}); the last one: {reason}{RestartNote(task.KilledWorkers)}", null));
                continue;
            }
            requeue.Add(task);
        }
        // ...then forget what it held, so requeued tasks wait for recomputed inputs, not lost ones...
        var lost = new List<CenterTask>();
        foreach (var task in worker.HasWhat)
        {
            RemoveHolder(task, worker, fromWorkerToo: false);
            if (task.WhoHas.Count == 0 && task.Status == Memory)
                lost.Add(task);
        }
        worker.HasWhat.Clear();
        LoseResults(lost);
        // ...and give what it was running to others.
        foreach (var task in requeue)
        {
            if (task.Status == Processing && task.ProcessingOn == worker)
                Requeue(task);
        }
    }

    /// <summary>Puts a task that had been sent to a worker back to waiting for its inputs (and on, if they are all here).</summary>
    private void Requeue(CenterTask task)
    {
        Transition(task, Waiting);
        if (task.WaitingOn.Count == 0)
            MakeReady(task);
    }

    /// <summary>Results no worker holds any more: their dependents wait again, and they are recomputed if needed.</summary>
    private void LoseResults(List<CenterTask> lost)
    {
        foreach (var task in lost)
        {
            bool needed = task.IsNeeded;
            Transition(task, Released);
            foreach (var dependent in task.Dependents)
            {
                switch (dependent.Status)
                {
                    case Waiting:
                        dependent.WaitingOn.Add(task);
                        break;
                    case Processing or NoWorker:
                        if (dependent.ProcessingOn is { } runner && _workers.ContainsKey(runner.Id))
                            Emit(new CancelTaskInstruction(runner.Id, dependent.Key, _stimulus));
                        Transition(dependent, Waiting);
                        break;
                }
            }
            if (!needed)
                Forget(task);
        }
        foreach (var task in lost)
        {
            if (task.IsNeeded)
                Need(task);
        }
    }

    private void FetchFailed(FetchFailedEvent e)
    {
        // Take the task back first (the worker dropped it), so losing the input does not cancel it there again...
        bool requeue = _tasks.TryGetValue(e.Task, out var task) && task.Status == Processing && task.ProcessingOn!.Id == e.WorkerId;
        if (requeue)
            Transition(task!, Waiting);
        if (_tasks.TryGetValue(e.Dependency, out var dep))
        {
            foreach (var holder in e.Holders)
                DropHolder(dep, holder);
        }
        // ...then send it on once its inputs are all in memory (on other holders, or recomputed).
        if (requeue && task!.Status == Waiting && task.WaitingOn.Count == 0)
            MakeReady(task);
    }

    private void MissingReported(MissingReportedEvent e)
    {
        if (!_tasks.TryGetValue(e.Key, out var task) || !task.WantedBy.Contains(e.ClientId))
            return;
        DropHolder(task, e.Holder);
        if (task.Status == Memory)
            Emit(new KeyInMemoryInstruction(e.ClientId, task.Key, Holders(task), task.NBytes, _stimulus));
    }

    /// <summary>A worker does not have a key it was said to hold: forget that copy, and recompute if it was the last.</summary>
    private void DropHolder(CenterTask task, string holderAddress)
    {
        var holder = task.WhoHas.FirstOrDefault(w => w.Address == holderAddress);
        if (holder is null)
            return;
        RemoveHolder(task, holder);
        if (task.WhoHas.Count == 0 && task.Status == Memory)
            LoseResults([task]);
    }
}
