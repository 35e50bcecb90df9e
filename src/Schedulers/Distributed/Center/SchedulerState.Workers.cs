namespace LazyDist.Distributed.Center;

internal sealed partial class SchedulerState
{
    private void WorkerJoined(WorkerJoinedEvent e)
    {
        if (e.Threads < 1)
            throw new ArgumentException($"worker {e.Name} has {e.Threads} threads", nameof(e));
        _workers[e.WorkerId] = new CenterWorker(e.WorkerId, e.Name, e.Address, e.Threads, e.Now);
    }

    /// <summary>
    /// A worker is gone: what it was running goes back to waiting (or fails, if it keeps killing
    /// workers), and what it held is recomputed from lineage where still needed.
    /// </summary>
    private void RemoveWorker(int workerId, string reason)
    {
        if (!_workers.Remove(workerId, out var worker))
            return;
        // First take its running tasks off it and count the death against them...
        var requeue = new List<CenterTask>();
        foreach (var task in worker.Processing.ToList())
        {
            Unschedule(task);
            task.KilledWorkers.Add(worker.Name);
            if (task.KilledWorkers.Count > Options.AllowedFailures)
            {
                Fail(task, new ErrorInfo("LazyDist.KilledWorker",
                    $"task {task.Key} kept killing workers: {task.KilledWorkers.Count} workers died while running it " +
                    $"({string.Join(", ", task.KilledWorkers)}); the last one: {reason}", null));
                continue;
            }
            requeue.Add(task);
        }
        // ...then forget what it held, so requeued tasks wait for recomputed inputs, not lost ones.
        var lost = new List<CenterTask>();
        foreach (var task in worker.HasWhat)
        {
            RemoveHolder(task, worker, fromWorkerToo: false);
            if (task.WhoHas.Count == 0 && task.Status == CenterTaskStatus.Memory)
                lost.Add(task);
        }
        worker.HasWhat.Clear();
        LoseResults(lost);
        foreach (var task in requeue.Where(t => t.Status == CenterTaskStatus.Processing && t.ProcessingOn is null))
            Requeue(task);
    }

    /// <summary>Puts a task that had been sent to a worker back to waiting for its inputs.</summary>
    private void Requeue(CenterTask task)
    {
        SetStatus(task, CenterTaskStatus.Waiting);
        task.WaitingOn.UnionWith(task.Dependencies.Where(d => d.Status != CenterTaskStatus.Memory));
        if (task.WaitingOn.Count == 0)
            MakeReady(task);
    }

    /// <summary>Results no worker holds any more: their dependents wait again, and they are recomputed if needed.</summary>
    private void LoseResults(List<CenterTask> lost)
    {
        foreach (var task in lost)
        {
            bool needed = task.IsNeeded;
            SetStatus(task, CenterTaskStatus.Released);
            foreach (var dependent in task.Dependents)
            {
                switch (dependent.Status)
                {
                    case CenterTaskStatus.Waiting:
                        dependent.WaitingOn.Add(task);
                        break;
                    case CenterTaskStatus.Queued or CenterTaskStatus.Processing:
                        if (dependent.ProcessingOn is { } holder)
                            Emit(new CancelTaskInstruction(holder.Id, dependent.Key, _stimulus));
                        Unschedule(dependent);
                        SetStatus(dependent, CenterTaskStatus.Waiting);
                        dependent.WaitingOn.UnionWith(dependent.Dependencies.Where(d => d.Status != CenterTaskStatus.Memory));
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
        if (_tasks.TryGetValue(e.Dependency, out var dep))
            DropHolder(dep, e.Holder);
        if (_tasks.TryGetValue(e.Task, out var task) && task.ProcessingOn?.Id == e.WorkerId)
        {
            Unschedule(task);
            Requeue(task);
        }
    }

    private void MissingReported(MissingReportedEvent e)
    {
        if (!_tasks.TryGetValue(e.Key, out var task) || !task.WantedBy.Contains(e.ClientId))
            return;
        DropHolder(task, e.Holder);
        if (task.Status == CenterTaskStatus.Memory)
            Emit(new KeyInMemoryInstruction(e.ClientId, task.Key, Holders(task), task.NBytes, _stimulus));
    }

    /// <summary>A worker does not have a key it was said to hold: forget that copy, and recompute if it was the last.</summary>
    private void DropHolder(CenterTask task, string holderAddress)
    {
        var holder = task.WhoHas.FirstOrDefault(w => w.Address == holderAddress);
        if (holder is null)
            return;
        RemoveHolder(task, holder);
        if (task.WhoHas.Count == 0 && task.Status == CenterTaskStatus.Memory)
            LoseResults([task]);
    }
}
