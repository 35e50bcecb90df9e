using LazyDist.Distributed.States;
using static LazyDist.Distributed.Worker.WorkerKeyStatus;

namespace LazyDist.Distributed.Worker;

/// <summary>The transition table: the only place a key's status changes.</summary>
internal sealed partial class WorkerState
{
    private delegate void Move(WorkerState state, WorkerKey key);

    private static readonly Move Nothing = static (_, _) => { };
    private static readonly Move Enqueue = static (state, key) => state._ready.Add(key);
    private static readonly Move Dequeue = static (state, key) => state._ready.Remove(key);
    private static readonly Move Hold = static (state, key) =>
    {
        state._heldKeys++;
        state._heldBytes += key.NBytes;
        key.LastUsed = state._sequence++;
    };

    /// <summary>Every legal (from, to) move and what it does besides changing the status; anything else is impossible.</summary>
    private static readonly Dictionary<(WorkerKeyStatus From, WorkerKeyStatus To), Move> Table = new()
    {
        [(Released, Flight)] = static (state, key) => state.QueueFetch(key),
        [(Released, Waiting)] = Nothing,
        [(Released, Ready)] = Enqueue,
        [(Released, Forgotten)] = Nothing,

        [(Flight, Memory)] = static (state, key) => { key.ClearPeers(); Hold(state, key); },
        [(Flight, Waiting)] = static (_, key) => { key.ClearPeers(); },
        [(Flight, Ready)] = static (state, key) => { key.ClearPeers(); Enqueue(state, key); },
        [(Flight, Forgotten)] = Nothing,

        [(Waiting, Ready)] = Enqueue,
        [(Waiting, Forgotten)] = static (state, key) => state.Unlink(key),

        [(Ready, Executing)] = Dequeue,
        [(Ready, Forgotten)] = static (state, key) => { Dequeue(state, key); state.Unlink(key); },

        [(Executing, Memory)] = static (state, key) => { state.Unlink(key); Hold(state, key); },
        [(Executing, Forgotten)] = static (state, key) => state.Unlink(key),

        [(Memory, Forgotten)] = static (state, key) => state.Release(key),
        [(Memory, Spilled)] = static (state, key) =>
        {
            state._spilledKeys++;
            state._spilledBytes += key.NBytes;
            state._spills.Add(key.Key);
        },

        [(Spilled, Memory)] = static (state, key) =>
        {
            state.Unspill(key);
            key.LastUsed = state._sequence++;
        },
        [(Spilled, Forgotten)] = static (state, key) => { state.Unspill(key); state.Release(key); },
    };

    private static readonly int StatusCount = Enum.GetValues<WorkerKeyStatus>().Length;

    /// <summary><see cref="Table"/> as an array indexed by from × to: a move per transition without hashing a pair.</summary>
    private static readonly Move?[] Moves = MovesOf(Table);

    private static Move?[] MovesOf(Dictionary<(WorkerKeyStatus From, WorkerKeyStatus To), Move> table)
    {
        var moves = new Move?[StatusCount * StatusCount];
        foreach (var ((from, to), move) in table)
            moves[(int)from * StatusCount + (int)to] = move;
        return moves;
    }

    private void Release(WorkerKey key)
    {
        _heldKeys--;
        _heldBytes -= key.NBytes;
        _drops.Add(key.Key);
    }

    private void Unspill(WorkerKey key)
    {
        _spilledKeys--;
        _spilledBytes -= key.NBytes;
    }

    /// <summary>Moves a key to <paramref name="to"/> through the table and logs the move with the current stimulus.</summary>
    /// <exception cref="ImpossibleTransitionException">The table has no such move.</exception>
    private void Transition(WorkerKey key, WorkerKeyStatus to)
    {
        var from = key.Status;
        if (Moves[(int)from * StatusCount + (int)to] is not { } move)
            throw new ImpossibleTransitionException("worker", key.Key, from.ToString(), to.ToString(), _stimulus, _log.Tell(key.Key));
        if (Validate)
            _touched.Add(key);
        move(this, key);
        key.Status = to;
        _log.Add(new TransitionRecord<WorkerKeyStatus>(key.Key, from, to, _stimulus, _now));
        if (to == Forgotten)
            Forget(key);
    }

    /// <summary>A key leaves: local tasks still reading it lose an input, and go back to the center.</summary>
    private void Forget(WorkerKey key)
    {
        _keys.Remove(key.Key);
        key.Requested = false;
        key.Reported = false;
        if (key.Dependents.Count == 0)
            return; // most keys: no copy of an empty set
        foreach (var task in key.Dependents.ToList())
        {
            if (task.Status is Waiting or Ready)
            {
                _out.Add(new ReportFetchFailedInstruction(task.Key, key.Key, [], _stimulus));
                Transition(task, Forgotten);
            }
        }
    }

    /// <summary>A task stops reading its inputs; copies nobody else reads are dropped.</summary>
    private void Unlink(WorkerKey task)
    {
        foreach (var dep in task.Dependencies)
        {
            dep.RemoveDependent(task);
            if (Validate)
                _touched.Add(dep);
            ReleaseIfUnused(dep);
        }
        task.ClearInputs();
    }
}
