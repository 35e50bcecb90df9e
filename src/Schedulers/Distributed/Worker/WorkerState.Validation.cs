using LazyDist.Distributed.States;
using static LazyDist.Distributed.Worker.WorkerKeyStatus;

namespace LazyDist.Distributed.Worker;

internal sealed partial class WorkerState
{
    /// <summary>
    /// Checks every invariant (on after every event, for the keys it touched, when <see cref="Validate"/>):
    /// each status agrees with the ready queue and the inputs; nothing is in memory that no local task
    /// reads and the center does not count on; inputs and dependents agree; counters match a recount.
    /// </summary>
    /// <exception cref="ImpossibleTransitionException">An invariant is broken; the message names the key and tells its story.</exception>
    public void CheckInvariants()
    {
        foreach (var (key, known) in _keys)
        {
            Require(known.Key == key, known, "is filed under another key");
            CheckKey(known);
        }
        int held = _keys.Values.Count(k => k.IsHeld);
        long bytes = _keys.Values.Where(k => k.IsHeld).Sum(k => k.NBytes);
        int spilled = _keys.Values.Count(k => k.Status == Spilled);
        long spilledBytes = _keys.Values.Where(k => k.Status == Spilled).Sum(k => k.NBytes);
        int executing = _keys.Values.Count(k => k.Status == Executing);
        if (held != _heldKeys || bytes != _heldBytes || executing != _executing || _executing > Threads || spilled != _spilledKeys || spilledBytes != _spilledBytes)
            throw new InvalidOperationException(
                $"worker invariant broken: counts {_heldKeys} keys, {_heldBytes} bytes ({_spilledKeys} keys, {_spilledBytes} bytes spilled), {_executing} executing, " +
                $"but holds {held}, {bytes} bytes ({spilled}, {spilledBytes} spilled), {executing} executing on {Threads} threads");
    }

    private void CheckTouched()
    {
        foreach (var key in _touched)
        {
            if (key.Status == Forgotten)
                Require(!_keys.TryGetValue(key.Key, out var other) || !ReferenceEquals(other, key), key, "is forgotten but still filed");
            else
                CheckKey(key);
        }
        _touched.Clear();
        if (_executing > Threads || _executing < 0)
            throw new InvalidOperationException($"worker invariant broken: {_executing} tasks executing on {Threads} threads");
    }

    private void CheckKey(WorkerKey key)
    {
        Require(key.Status is not (Released or Forgotten), key, "is filed without being anywhere");
        Require(WorkerKey.SharedEmptiesAreEmpty, key, "left something in the empty collections every key shares (add through WorkerKey's methods)");
        Require(_keys.TryGetValue(key.Key, out var filed) && ReferenceEquals(filed, key), key, "is not filed");
        Require(!key.IsHeld || key.Reported || key.IsUsed, key, "is in memory but nothing here reads it and the center does not count on it");
        Require((key.Status == Ready) == _ready.Contains(key), key, "is in the ready queue only when ready");
        Require(key.Status != Flight || key.Node is null || key.Requested || key.Dependents.Count > 0, key, "is fetched for nobody");
        Require(key.Status is Waiting or Ready or Executing || key.Dependencies.Count == 0, key, "has inputs but is not a task here");
        Require(key.Status == Waiting ? key.WaitingOn.Count > 0 : key.WaitingOn.Count == 0, key, "waits only while waiting, and then on something");
        foreach (var dep in key.Dependencies)
        {
            Require(dep.Dependents.Contains(key) && _keys.TryGetValue(dep.Key, out var d) && ReferenceEquals(d, dep), key, $"reads {dep}, which does not list it");
            Require(key.Status == Waiting || dep.IsHeld, key, $"is {key.Status} with input {dep} not held");
            Require(key.WaitingOn.Contains(dep) == !dep.IsHeld, key, $"waits on {dep} wrongly");
        }
        foreach (var task in key.Dependents)
            Require(task.Status is Waiting or Ready or Executing && task.Dependencies.Contains(key), key, $"is listed as read by {task}");
    }

    private void Require(bool condition, WorkerKey key, string what)
    {
        if (!condition)
            throw new ImpossibleTransitionException($"worker invariant broken: {key}: {what}; story: {_log.Tell(key.Key)}", key.Key);
    }
}
