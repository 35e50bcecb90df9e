namespace LazyDist.Distributed.Center;

/// <summary>
/// Retries (dask's <c>retries=</c>): a task whose own code threw runs again, anywhere, as many times
/// as it was submitted with, before its error is final. Only a task's own exception counts: a lost
/// input (a fetch that failed) or a lost worker sends the task back without touching its retries,
/// and a lost result is recomputed from lineage.
/// </summary>
internal sealed partial class SchedulerState
{
    /// <summary>Runs the failed <paramref name="task"/> again if it has retries left; false when its error is final.</summary>
    private bool Retry(CenterTask task, ErrorInfo error)
    {
        if (task.RetriesLeft <= 0 || task.Status != CenterTaskStatus.Processing)
            return false;
        task.RetriesLeft--;
        Emit(new TaskRetriedInstruction(task.Key, task.ProcessingOn!.Name, error, task.RetriesLeft, _stimulus));
        Requeue(task);
        return true;
    }
}
