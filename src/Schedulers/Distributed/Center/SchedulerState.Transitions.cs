using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

internal sealed partial class SchedulerState
{
    /// <summary>Changes a task's status, keeping its inputs' pending-dependent counts right.</summary>
    private void SetStatus(CenterTask task, CenterTaskStatus status)
    {
        Touch(task);
        bool wasPending = task.IsPending;
        task.Status = status;
        bool isPending = task.IsPending;
        if (wasPending == isPending)
            return;
        foreach (var dep in task.Dependencies)
        {
            dep.PendingDependents += isPending ? 1 : -1;
            if (!isPending)
                CheckRelease(dep);
        }
    }

    /// <summary>Makes sure a released task and the released inputs it needs get computed (depth-first, no recursion).</summary>
    private void Need(CenterTask root)
    {
        var stack = new Stack<(CenterTask Task, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (task, expanded) = stack.Pop();
            if (task.Status != CenterTaskStatus.Released)
                continue;
            if (!expanded)
            {
                stack.Push((task, true));
                foreach (var dep in task.Dependencies)
                {
                    if (dep.Status == CenterTaskStatus.Released)
                        stack.Push((dep, false));
                }
                continue;
            }
            var erred = task.Dependencies.FirstOrDefault(d => d.Status == CenterTaskStatus.Erred);
            if (erred is not null)
            {
                FailOne(task, erred.Error!, erred.FailedKey);
                continue;
            }
            SetStatus(task, CenterTaskStatus.Waiting);
            task.WaitingOn.Clear();
            task.WaitingOn.UnionWith(task.Dependencies.Where(d => d.Status != CenterTaskStatus.Memory));
            if (task.WaitingOn.Count == 0)
                MakeReady(task);
        }
    }

    /// <summary>All inputs are in memory: queue a root task for admission, send any other to its best worker.</summary>
    private void MakeReady(CenterTask task)
    {
        task.WaitingOn.Clear();
        if (task.Dependencies.Count > 0 && _workers.Count > 0)
        {
            Assign(task, DecideWorker(task));
            return;
        }
        SetStatus(task, CenterTaskStatus.Queued);
        (task.Dependencies.Count == 0 ? _queuedRoots : _noWorker).Add(task);
    }

    /// <summary>The worker holding most of the task's input bytes; ties to the least occupied, then the lowest id.</summary>
    private CenterWorker DecideWorker(CenterTask task)
    {
        CenterWorker? best = null;
        long bestBytes = -1;
        foreach (var worker in _workers.Values)
        {
            long bytes = 0;
            foreach (var dep in task.Dependencies)
            {
                if (dep.WhoHas.Contains(worker))
                    bytes += dep.NBytes;
            }
            if (best is null || bytes > bestBytes || (bytes == bestBytes &&
                (worker.Occupancy < best.Occupancy || (worker.Occupancy == best.Occupancy && worker.Id < best.Id))))
            {
                best = worker;
                bestBytes = bytes;
            }
        }
        return best!;
    }

    private void Assign(CenterTask task, CenterWorker worker)
    {
        SetStatus(task, CenterTaskStatus.Processing);
        task.ProcessingOn = worker;
        worker.Processing.Add(task);
        var deps = task.Dependencies.Select(d => new DependencyLocation(d.Key, Holders(d), d.NBytes)).ToList();
        Emit(new ComputeTaskInstruction(worker.Id, task.Key, task.Node, task.Priority, deps, _stimulus, task.Session));
    }

    /// <summary>Admits queued root tasks while workers have free threads; places ready tasks that had no worker.</summary>
    private void Admit()
    {
        if (_workers.Count == 0)
            return;
        foreach (var task in _noWorker.ToList())
        {
            _noWorker.Remove(task);
            Assign(task, DecideWorker(task));
        }
        while (_queuedRoots.Count > 0)
        {
            CenterWorker? free = null;
            foreach (var worker in _workers.Values)
            {
                int limit = Math.Max(1, (int)Math.Ceiling(worker.Threads * Options.Saturation));
                if (worker.Processing.Count < limit && (free is null || worker.Occupancy < free.Occupancy || (worker.Occupancy == free.Occupancy && worker.Id < free.Id)))
                    free = worker;
            }
            if (free is null)
                return;
            var task = _queuedRoots.Min!;
            _queuedRoots.Remove(task);
            Assign(task, free);
        }
    }

    /// <summary>Takes a task off the queues and off its worker (before it changes status).</summary>
    private void Unschedule(CenterTask task)
    {
        Touch(task);
        if (task.Status == CenterTaskStatus.Queued)
        {
            _queuedRoots.Remove(task);
            _noWorker.Remove(task);
        }
        task.ProcessingOn?.Processing.Remove(task);
        task.ProcessingOn = null;
        task.WaitingOn.Clear();
    }

    /// <summary>Drops what nobody needs: a result from its holders, a task not yet finished; then forgets it if it can.</summary>
    private void CheckRelease(CenterTask task)
    {
        if (task.IsNeeded)
            return;
        switch (task.Status)
        {
            case CenterTaskStatus.Memory:
                foreach (var worker in task.WhoHas.ToList())
                {
                    RemoveHolder(task, worker);
                    DeleteLater(worker, task.Key);
                }
                SetStatus(task, CenterTaskStatus.Released);
                break;
            case CenterTaskStatus.Waiting or CenterTaskStatus.Queued:
                Unschedule(task);
                SetStatus(task, CenterTaskStatus.Released);
                break;
            case CenterTaskStatus.Processing:
                // Cancelled: its worker drops it if not started; a result that still comes is deleted.
                Emit(new CancelTaskInstruction(task.ProcessingOn!.Id, task.Key, _stimulus));
                Unschedule(task);
                SetStatus(task, CenterTaskStatus.Released);
                break;
            case CenterTaskStatus.Erred:
                SetStatus(task, CenterTaskStatus.Released);
                break;
        }
        Forget(task);
    }

    /// <summary>Removes released tasks that nothing refers to any more, and then their released inputs.</summary>
    private void Forget(CenterTask task)
    {
        var stack = new Stack<CenterTask>();
        stack.Push(task);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.Status != CenterTaskStatus.Released || current.Dependents.Count > 0 || current.WantedBy.Count > 0
                || !_tasks.TryGetValue(current.Key, out var known) || !ReferenceEquals(known, current))
                continue;
            Remove(current);
            foreach (var dep in current.Dependencies)
            {
                dep.Dependents.Remove(current);
                stack.Push(dep);
            }
        }
    }

    /// <summary>Fails a task and every pending task that depends on it, telling the clients that want them.</summary>
    private void Fail(CenterTask task, ErrorInfo error)
    {
        Unschedule(task);
        FailOne(task, error, task.Key);
        var stack = new Stack<CenterTask>(task.Dependents);
        while (stack.Count > 0)
        {
            var dependent = stack.Pop();
            if (dependent.Status is CenterTaskStatus.Erred or CenterTaskStatus.Released or CenterTaskStatus.Memory)
                continue;
            Unschedule(dependent);
            FailOne(dependent, error, task.Key);
            foreach (var next in dependent.Dependents)
                stack.Push(next);
        }
    }

    private void FailOne(CenterTask task, ErrorInfo error, TaskKey failedKey)
    {
        task.Error = error;
        task.FailedKey = failedKey;
        SetStatus(task, CenterTaskStatus.Erred);
        foreach (int client in task.WantedBy)
            Emit(new KeyErredInstruction(client, task.Key, failedKey, error, _stimulus));
        CheckRelease(task);
    }

    private void Release(int client, IReadOnlyList<TaskKey> keys)
    {
        var wanted = WantedBy(client);
        foreach (var key in keys)
        {
            if (!_tasks.TryGetValue(key, out var task) || !task.WantedBy.Remove(client))
                continue;
            wanted.Remove(task);
            CheckRelease(task);
        }
    }
}
