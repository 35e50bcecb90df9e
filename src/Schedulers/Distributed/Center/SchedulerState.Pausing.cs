namespace LazyDist.Distributed.Center;

/// <summary>
/// Workers paused for memory: a paused worker is sent no new task (what it was sent already waits on
/// it, and it still serves its data); when every worker is paused and tasks wait, the center says so
/// once until one resumes. Ready tasks wait as if there were no worker and go out when one resumes.
/// </summary>
internal sealed partial class SchedulerState
{
    private bool _saidAllPaused;

    private void WorkerPaused(WorkerPausedEvent e)
    {
        if (!_workers.TryGetValue(e.WorkerId, out var worker))
            return;
        worker.Paused = e.Paused;
        if (!e.Paused)
            _saidAllPaused = false;
    }

    /// <summary>Whether some worker may be sent new tasks.</summary>
    private bool AnyRunning()
    {
        foreach (var worker in _workers.Values)
        {
            if (!worker.Paused)
                return true;
        }
        return false;
    }

    private void SayIfAllPaused()
    {
        int waiting = _noWorker.Count + _queuedRoots.Count;
        if (_workers.Count == 0 || waiting == 0 || _saidAllPaused)
            return;
        _saidAllPaused = true;
        Emit(new AllWorkersPausedInstruction(_workers.Count, waiting, _stimulus));
    }
}
