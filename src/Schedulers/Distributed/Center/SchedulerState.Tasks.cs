using LazyDist.Distributed.States;
using LazyDist.Graph;
using static LazyDist.Distributed.Center.CenterTaskStatus;

namespace LazyDist.Distributed.Center;

/// <summary>Tasks: submission, readiness, placement, admission, results, failures and release.</summary>
internal sealed partial class SchedulerState
{
    private void GraphSubmitted(GraphSubmittedEvent e)
    {
        // The parts of one submission share its generation, so priorities compare across them.
        if (!_submitting.Remove(e.ClientId, out var earlier))
            earlier = new PartialSubmission(++_generation);
        long generation = earlier.Generation;
        var added = new List<(CenterTask Task, TaskSpec Spec)>(e.Tasks.Count);
        foreach (var spec in e.Tasks)
        {
            if (_tasks.TryGetValue(spec.Key, out var known))
            {
                known.RetriesLeft = Math.Max(known.RetriesLeft, spec.Retries);
                if (known.Status == Erred && !known.IsNeeded)
                    Transition(known, Released); // a resubmitted failure is tried again
                continue;
            }
            var task = new CenterTask(spec.Key, spec.Node, (generation << 40) + spec.Priority, _sequence++, e.ClientId, PrefixOf(spec.Key));
            task.RetriesLeft = spec.Retries;
            task.Prefix.Moved(Forgotten, Released);
            _log.Add(new TransitionRecord<CenterTaskStatus>(task.Key, Forgotten, Released, _stimulus, _now));
            _tasks[spec.Key] = task;
            _sessionTasks[e.ClientId] = _sessionTasks.GetValueOrDefault(e.ClientId) + 1;
            added.Add((task, spec));
        }
        foreach (var (task, spec) in added)
        {
            var deps = spec.Dependencies.Count == 0 ? [] : new CenterTask[spec.Dependencies.Count];
            for (int i = 0; i < deps.Length; i++)
            {
                if (!_tasks.TryGetValue(spec.Dependencies[i], out var dep))
                {
                    Reject(e, added.Select(a => a.Task), new ErrorInfo(typeof(GraphValidationException).FullName!,
                        $"task {task.Key} depends on {spec.Dependencies[i]}, which is not in the graph", null));
                    ForgetUnneeded(earlier.Added);
                    return;
                }
                deps[i] = dep;
                dep.Dependents.Add(task);
            }
            task.Dependencies = deps;
        }
        if (e.More)
        {
            earlier.Added.AddRange(added.Select(a => a.Task));
            _submitting[e.ClientId] = earlier;
            return;
        }
        var clientWants = WantedBy(e.ClientId);
        foreach (var key in e.Wanted)
        {
            if (!_tasks.TryGetValue(key, out var task))
            {
                Reject(e, added.Select(a => a.Task), new ErrorInfo(typeof(GraphValidationException).FullName!, $"requested key {key} is not in the graph", null));
                ForgetUnneeded(earlier.Added);
                return;
            }
            task.WantedBy.Add(e.ClientId);
            clientWants.Add(task);
        }
        foreach (var key in e.Wanted)
        {
            var task = _tasks[key];
            Need(task);
            if (task.Status == Memory)
                Emit(new KeyInMemoryInstruction(e.ClientId, key, Holders(task), task.NBytes, _stimulus));
            else if (task.Status == Erred)
                Emit(new KeyErredInstruction(e.ClientId, key, task.FailedKey, task.Error!, _stimulus));
        }
        ForgetUnneeded(earlier.Added);
    }

    /// <summary>Tasks of a submission that nothing wanted in the end (or whose client left before its last part) are dropped.</summary>
    private void ForgetUnneeded(List<CenterTask> tasks)
    {
        foreach (var task in tasks)
        {
            if (task.Status == Released && !task.IsNeeded && _tasks.TryGetValue(task.Key, out var known) && ReferenceEquals(known, task))
                Forget(task);
        }
    }

    /// <summary>The parts of a submission received so far, while more are coming.</summary>
    private sealed class PartialSubmission(long generation)
    {
        public long Generation { get; } = generation;

        public List<CenterTask> Added { get; } = [];
    }

    /// <summary>A submission that refers to unknown keys adds nothing; the client hears why for each key it wanted.</summary>
    private void Reject(GraphSubmittedEvent e, IEnumerable<CenterTask> added, ErrorInfo error)
    {
        foreach (var task in added.ToList())
        {
            foreach (var dep in task.Dependencies)
                dep.Dependents.Remove(task);
            task.Dependencies = [];
            Transition(task, Forgotten);
        }
        foreach (var key in e.Wanted)
        {
            if (_tasks.TryGetValue(key, out var task))
            {
                task.WantedBy.Remove(e.ClientId);
                WantedBy(e.ClientId).Remove(task);
            }
            Emit(new KeyErredInstruction(e.ClientId, key, key, error, _stimulus));
        }
    }

    /// <summary>Makes sure a released task and the released inputs it needs get computed (depth-first, no recursion).</summary>
    private void Need(CenterTask root)
    {
        var stack = _needing ?? new Stack<(CenterTask Task, bool Expanded)>(); // taken while in use, in case a move ever calls it again
        _needing = null;
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (task, expanded) = stack.Pop();
            if (task.Status != Released)
                continue;
            if (!expanded)
            {
                stack.Push((task, true));
                foreach (var dep in task.Dependencies)
                {
                    if (dep.Status == Released)
                        stack.Push((dep, false));
                }
                continue;
            }
            var erred = task.Dependencies.FirstOrDefault(d => d.Status == Erred);
            if (erred is not null)
                FailOne(task, erred.Error!, erred.FailedKey);
            else
                Wait(task);
        }
        _needing = stack;
    }

    /// <summary>Moves a task to waiting for its inputs, and on to ready when they are all in memory already.</summary>
    private void Wait(CenterTask task)
    {
        Transition(task, Waiting);
        if (task.WaitingOn.Count == 0)
            MakeReady(task);
    }

    /// <summary>All inputs are in memory: queue a root task for admission, send any other to its best worker.</summary>
    private void MakeReady(CenterTask task)
    {
        if (task.Dependencies.Length == 0)
            Transition(task, Queued);
        else if (!AnyRunning())
            Transition(task, NoWorker);
        else
            Transition(task, Processing, DecideWorker(task));
    }

    /// <summary>The worker holding most of the task's input bytes; ties to the least occupied, then the lowest id.</summary>
    private CenterWorker DecideWorker(CenterTask task)
    {
        CenterWorker? best = null;
        long bestBytes = -1;
        foreach (var worker in _workers.Values)
        {
            if (worker.Paused)
                continue;
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

    /// <summary>Admits queued root tasks while workers have free threads; places ready tasks that had no worker.</summary>
    private void Admit()
    {
        if (!AnyRunning())
        {
            SayIfAllPaused();
            return;
        }
        while (_noWorker.Count > 0)
        {
            var task = _noWorker.Min!;
            Transition(task, Processing, DecideWorker(task));
        }
        while (_queuedRoots.Count > 0)
        {
            var next = _queuedRoots.Min!;
            CenterWorker? free = null;
            foreach (var worker in _workers.Values)
            {
                if (!worker.Paused && worker.Processing.Count < AdmissionLimit(worker, next.Prefix) && (free is null || worker.Occupancy < free.Occupancy || (worker.Occupancy == free.Occupancy && worker.Id < free.Id)))
                    free = worker;
            }
            if (free is null)
                return;
            Transition(next, Processing, free);
        }
    }

    /// <summary>
    /// How many tasks a worker may have before another root task of <paramref name="prefix"/> goes to it:
    /// <see cref="SchedulerOptions.Saturation"/> per thread, or, for tasks known to be short and small,
    /// as many as keep each thread busy for <see cref="SchedulerOptions.LeadTime"/> while results of at
    /// most <see cref="SchedulerOptions.LeadBytes"/> wait (so tiny tasks do not each wait for a round
    /// trip to the center, and memory stays bounded by bytes as well as by count).
    /// </summary>
    private int AdmissionLimit(CenterWorker worker, TaskPrefix prefix)
    {
        int limit = Math.Max(1, (int)Math.Ceiling(worker.Threads * Options.Saturation));
        if (prefix.Finished < worker.Threads || prefix.MeanDuration is not { } mean)
            return limit;
        double byTime = worker.Threads * Options.LeadTime.TotalSeconds / Math.Max(mean.TotalSeconds, 1e-6);
        double byBytes = Options.LeadBytes / (double)Math.Max(prefix.MeanBytes ?? 1, 1);
        double lead = Math.Min(Math.Min(byTime, byBytes), worker.Threads * Options.MaxSaturation);
        return lead > limit ? (int)lead : limit;
    }

    private void TaskFinished(TaskFinishedEvent e)
    {
        if (!_workers.TryGetValue(e.WorkerId, out var worker))
            return;
        Reported(worker, e.HeldKeys);
        worker.FetchedBytes += e.FetchedBytes;
        TransferredBytes += e.FetchedBytes;
        PeakKeys = Math.Max(PeakKeys, _reportedKeys);
        var key = e.Run.Key;
        if (!_tasks.TryGetValue(key, out var task) || task.Status is Released or Erred)
        {
            DeleteLater(worker, key); // nobody needs it any more
            return;
        }
        if (task.WhoHas.Count == 0)
            task.NBytes = e.Run.NBytes;
        AddHolder(task, worker);
        CompletedTasks++;
        if (task.Status != Memory)
        {
            // Normally it was processing there; a result from elsewhere (a cancelled or repeated run) counts too.
            task.Prefix.Ran(e.Run.Duration, e.Run.NBytes, measured: e.Run.Thread >= 0);
            Transition(task, Memory);
            foreach (var dependent in task.Dependents)
            {
                if (dependent.Status == Waiting && dependent.WaitingOn.Remove(task) && dependent.WaitingOn.Count == 0)
                    MakeReady(dependent);
            }
            foreach (int client in task.WantedBy)
                Emit(new KeyInMemoryInstruction(client, task.Key, Holders(task), task.NBytes, _stimulus));
        }
        CheckRelease(task);
    }

    private void TaskErred(TaskErredEvent e)
    {
        if (!_tasks.TryGetValue(e.Run.Key, out var task) || task.ProcessingOn?.Id != e.WorkerId)
            return; // stale: the task was cancelled or moved
        task.Prefix.Ran(e.Run.Duration, 0);
        if (!Retry(task, e.Error))
            Fail(task, e.Error);
    }

    /// <summary>Drops what nobody needs: a result from its holders, a task not yet finished; then forgets it if it can.</summary>
    private void CheckRelease(CenterTask task)
    {
        if (task.IsNeeded)
            return;
        switch (task.Status)
        {
            case Memory:
                while (task.WhoHas.Count > 0)
                {
                    var worker = AnyHolder(task);
                    RemoveHolder(task, worker);
                    DeleteLater(worker, task.Key);
                }
                Transition(task, Released);
                break;
            case Waiting or Queued or NoWorker or Erred:
                Transition(task, Released);
                break;
            case Processing:
                // Cancelled: its worker drops it if not started; a result that still comes is deleted.
                Emit(new CancelTaskInstruction(task.ProcessingOn!.Id, task.Key, _stimulus));
                Transition(task, Released);
                break;
        }
        Forget(task);
    }

    /// <summary>Removes released tasks that nothing refers to any more, and then their released inputs.</summary>
    private void Forget(CenterTask task)
    {
        var stack = _forgetting ?? new Stack<CenterTask>(); // taken while in use, in case a move ever calls it again
        _forgetting = null;
        stack.Push(task);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.Status != Released || current.Dependents.Count > 0 || current.WantedBy.Count > 0
                || !_tasks.TryGetValue(current.Key, out var known) || !ReferenceEquals(known, current))
                continue;
            Transition(current, Forgotten);
            foreach (var dep in current.Dependencies)
            {
                dep.Dependents.Remove(current);
                stack.Push(dep);
            }
        }
        _forgetting = stack;
    }

    /// <summary>Fails a task and every pending task that depends on it, telling the clients that want them.</summary>
    private void Fail(CenterTask task, ErrorInfo error)
    {
        FailOne(task, error, task.Key);
        var stack = new Stack<CenterTask>(task.Dependents.ToArray());
        while (stack.Count > 0)
        {
            var dependent = stack.Pop();
            if (dependent.Status is Erred or Released or Memory or Forgotten)
                continue;
            FailOne(dependent, error, task.Key);
            foreach (var next in dependent.Dependents)
                stack.Push(next);
        }
    }

    private void FailOne(CenterTask task, ErrorInfo error, TaskKey failedKey)
    {
        task.Error = error;
        task.FailedKey = failedKey;
        Transition(task, Erred);
        foreach (int client in task.WantedBy)
            Emit(new KeyErredInstruction(client, task.Key, failedKey, error, _stimulus));
        CheckRelease(task);
    }

    private void Release(int client, ValueList<TaskKey> keys)
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

    private void ClientLeft(int client)
    {
        if (_submitting.Remove(client, out var unfinished))
            ForgetUnneeded(unfinished.Added);
        Release(client, [.. WantedBy(client).Select(t => t.Key)]);
        _wantedByClient.Remove(client);
    }
}
