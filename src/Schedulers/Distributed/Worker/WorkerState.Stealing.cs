using LazyDist.Graph;
using static LazyDist.Distributed.Worker.WorkerKeyStatus;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// The victim's half of work stealing: a task still only waiting for inputs or for a thread here is
/// dropped and the center told so (it runs elsewhere, never here as well); one running or done
/// here, or not here, is kept, and the center leaves it where it is. Inputs fetched only for a
/// dropped task are let go as for a cancelled one.
/// </summary>
internal sealed partial class WorkerState
{
    private void StealRequested(TaskKey key)
    {
        bool stolen = _keys.TryGetValue(key, out var task) && task.Status is Waiting or Ready;
        if (stolen)
            Transition(task!, Forgotten);
        _out.Add(new StealResponseInstruction(key, stolen, _stimulus));
    }
}
