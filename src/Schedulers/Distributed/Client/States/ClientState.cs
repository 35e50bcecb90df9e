using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;
using static LazyDist.Distributed.Client.ClientKeyStatus;

namespace LazyDist.Distributed.Client;

/// <summary>
/// A client's brain as a state machine with no I/O, beside the center's and the workers': the keys
/// it holds (counted interests from computations, futures and proxies), fetching their values
/// from the workers that hold them, and shipping user code, as events in and instructions out.
/// </summary>
/// <remarks>
/// A key is held while any interest here holds it; the center keeps it in memory meanwhile and
/// says where it is. A value is fetched only when someone waits for it, in one request per worker
/// (more keys asked of a worker while a request to it is in flight go in the next one); a worker
/// that lacks a key is reported to the center and the next holder tried, or the next report
/// awaited. Messages to the center keep their order, and a submission whose user code the
/// center has not answered for yet waits, with everything sent after it, until it has.
/// </remarks>
internal sealed partial class ClientState
{
    private readonly Dictionary<TaskKey, ClientKey> _keys = [];
    private readonly List<ClientInstruction> _out = [];
    private readonly TransitionLog<ClientKeyStatus> _log;
    private readonly TimeProvider _time;
    private string _stimulus = "";
    private DateTimeOffset _now;
    private readonly int _partSize;
    private long _incarnations;
    private bool _lost;

    /// <param name="time">The clock of the transition log.</param>
    /// <param name="logLength">How many moves the transition log keeps.</param>
    /// <param name="partSize">The most tasks one message to the center carries: a bigger submission goes in parts.</param>
    public ClientState(TimeProvider? time = null, int logLength = 10_000, int partSize = 10_000)
    {
        _time = time ?? TimeProvider.System;
        _log = new TransitionLog<ClientKeyStatus>(logLength);
        _partSize = partSize > 0 ? partSize : throw new ArgumentOutOfRangeException(nameof(partSize), partSize, "a part needs room for a task");
    }

    /// <summary>Keys held here now.</summary>
    public int HeldKeys => _keys.Count;

    /// <summary>Whether the connection to the center is gone.</summary>
    public bool IsLost => _lost;

    /// <summary>The record of a key held here, or null.</summary>
    public ClientKey? Find(TaskKey key) => _keys.GetValueOrDefault(key);

    /// <summary>The moves of <paramref name="key"/> still in the transition log, oldest first.</summary>
    public IReadOnlyList<TransitionRecord<ClientKeyStatus>> Story(TaskKey key) => _log.Story(key);

    /// <summary>Applies one event and returns what the host must do.</summary>
    /// <exception cref="ArgumentException">An event this machine does not know.</exception>
    /// <exception cref="ImpossibleTransitionException">A bug: a move the table does not allow.</exception>
    public IReadOnlyList<ClientInstruction> Handle(ClientEvent stimulus)
    {
        ArgumentNullException.ThrowIfNull(stimulus);
        _out.Clear();
        _stimulus = stimulus.StimulusId;
        _now = _time.GetUtcNow();
        switch (stimulus)
        {
            case SubmitEvent e: Submit(e); break;
            case KeyInMemoryEvent e: OnKeyInMemory(e); break;
            case KeyErredEvent e: OnKeyErred(e); break;
            case ValueWantedEvent e: Wanted(e.Key); break;
            case GatheredEvent e: Gathered(e); break;
            case InterestsReleasedEvent e: Release(e.Interests); break;
            case KeysCancelledEvent e: Cancel(e.Keys); break;
            case CodeNeededEvent e: CodeNeeded(e.Hashes); break;
            case CodeRequestedEvent e: _out.Add(new SendCodeInstruction(e.Hash, _offered.ContainsKey(e.Hash), _stimulus)); break;
            case StatisticsWantedEvent e: ToCenter(new GetStatisticsInstruction(e.ResetPeak, _stimulus)); break;
            case CenterLostEvent e: OnCenterLost(e.Reason); break;
            default: throw new ArgumentException($"the client has no handler for {stimulus.GetType().Name}", nameof(stimulus));
        }
        FlushGathers();
        return [.. _out];
    }

    private void Submit(SubmitEvent e)
    {
        if (Conflict(e.Code) is { } refusal)
        {
            _out.Add(new RefuseSubmitInstruction(refusal, _stimulus));
            return;
        }
        Offer(e.Code);
        if (e.More)
        {
            ToCenter(new SubmitGraphInstruction(e.Tasks, [], _stimulus, More: true));
            return;
        }
        foreach (var key in e.Wanted)
        {
            if (!_keys.TryGetValue(key, out var known))
            {
                _keys[key] = known = new ClientKey(key, ++_incarnations);
                Transition(known, _lost ? Lost : Pending);
            }
            known.Users++;
        }
        if (_lost)
            return;
        // A big graph goes in parts, so no message is huge and the center starts reading early.
        var tasks = e.Tasks.Items;
        for (int start = 0; start + _partSize < tasks.Length; start += _partSize)
            ToCenter(new SubmitGraphInstruction(tasks[start..(start + _partSize)], [], _stimulus, More: true));
        int last = tasks.Length <= _partSize ? 0 : (tasks.Length - 1) / _partSize * _partSize;
        ToCenter(new SubmitGraphInstruction(last == 0 ? e.Tasks : tasks[last..], Distinct(e.Wanted), _stimulus));
    }

    private void OnKeyInMemory(KeyInMemoryEvent e)
    {
        if (!_keys.TryGetValue(e.Key, out var key) || key.Status is Cancelled or Lost)
            return; // released meanwhile
        key.Holders = e.Holders;
        key.NBytes = e.NBytes;
        key.Tried.Clear();
        if (key.Status != Memory)
            Transition(key, Memory);
        else
            Changed(key);
        if (key.Awaited && key.GatheringFrom is null)
            QueueGather(key);
    }

    private void OnKeyErred(KeyErredEvent e)
    {
        if (!_keys.TryGetValue(e.Key, out var key) || key.Status is Cancelled or Lost or Erred)
            return;
        key.Error = new ClientError(ClientErrorKind.TaskFailed, key.Key, e.FailedKey, e.Error, $"task {e.FailedKey} failed: {e.Error.ExceptionType}: {e.Error.Message}");
        Transition(key, Erred);
        if (key.Awaited)
            FailWaiters(key, key.Error);
    }

    private void Release(ValueList<KeyInterest> interests)
    {
        var released = new List<TaskKey>();
        foreach (var interest in interests)
        {
            if (!_keys.TryGetValue(interest.Key, out var key) || key.Incarnation != interest.Incarnation || key.Users <= 0)
                continue; // cancelled meanwhile, which released it
            if (--key.Users > 0)
                continue;
            if (key.Awaited)
                FailWaiters(key, new ClientError(ClientErrorKind.Released, key.Key, key.Key, null, $"key {key.Key} was released while its value was awaited"));
            Transition(key, Forgotten);
            released.Add(key.Key);
        }
        if (released.Count > 0 && !_lost)
            ToCenter(new ReleaseKeysInstruction([.. released], _stimulus));
    }

    private void Cancel(ValueList<KeyInterest> keys)
    {
        var released = new List<TaskKey>();
        foreach (var interest in keys)
        {
            if (!_keys.TryGetValue(interest.Key, out var key) || key.Incarnation != interest.Incarnation)
                continue;
            key.Error = new ClientError(ClientErrorKind.Cancelled, key.Key, key.Key, null, $"key {key.Key} was cancelled");
            if (key.Awaited)
                FailWaiters(key, key.Error);
            key.Users = 0;
            Transition(key, Cancelled);
            Transition(key, Forgotten);
            released.Add(key.Key);
        }
        if (released.Count > 0 && !_lost)
            ToCenter(new ReleaseKeysInstruction([.. released], _stimulus));
    }

    private void OnCenterLost(string reason)
    {
        _lost = true;
        _held.Clear();
        _queuedGathers.Clear();
        foreach (var key in _keys.Values.ToList())
        {
            var error = new ClientError(ClientErrorKind.Lost, key.Key, key.Key, null, $"the connection to the center is lost: {reason}");
            if (key.Status == Pending)
            {
                key.Error = error;
                Transition(key, Lost);
            }
            key.GatheringFrom = null;
            if (key.Awaited)
                FailWaiters(key, error);
        }
    }

    private void FailWaiters(ClientKey key, ClientError error)
    {
        key.Awaited = false;
        key.GatheringFrom = null;
        _out.Add(new FailWaitersInstruction(error, _stimulus));
    }

    private void Changed(ClientKey key) =>
        _out.Add(new KeyChangedInstruction(key.Key, key.Incarnation, key.Status, key.Holders, key.Error, _stimulus));

    private static ValueList<TaskKey> Distinct(ValueList<TaskKey> keys)
    {
        if (keys.Count < 2)
            return keys;
        var seen = new HashSet<TaskKey>(keys.Count);
        var distinct = new List<TaskKey>(keys.Count);
        foreach (var key in keys)
        {
            if (seen.Add(key))
                distinct.Add(key);
        }
        return distinct.Count == keys.Count ? keys : distinct;
    }
}
