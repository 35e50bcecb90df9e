using LazyDist.Distributed.States;
using static LazyDist.Distributed.Client.ClientKeyStatus;

namespace LazyDist.Distributed.Client;

/// <summary>The transition table: the only place a key's status changes here.</summary>
internal sealed partial class ClientState
{
    /// <summary>Every legal (from, to) move; anything else is impossible.</summary>
    private static readonly HashSet<(ClientKeyStatus From, ClientKeyStatus To)> Table =
    [
        (Released, Pending), (Released, Lost),
        (Pending, Memory), (Pending, Erred), (Pending, Cancelled), (Pending, Lost), (Pending, Forgotten),
        (Memory, Erred), (Memory, Cancelled), (Memory, Forgotten),
        (Erred, Cancelled), (Erred, Forgotten),
        (Lost, Cancelled), (Lost, Forgotten),
        (Cancelled, Forgotten),
    ];

    /// <summary>The legal moves, for documentation and tests.</summary>
    public static IReadOnlyCollection<(ClientKeyStatus From, ClientKeyStatus To)> LegalMoves => Table;

    /// <summary>Moves a key through the table, logs the move, and tells the host what its handles show.</summary>
    /// <exception cref="ImpossibleTransitionException">The table has no such move.</exception>
    private void Transition(ClientKey key, ClientKeyStatus to)
    {
        var from = key.Status;
        if (!Table.Contains((from, to)))
            throw new ImpossibleTransitionException("client", key.Key, from.ToString(), to.ToString(), _stimulus, _log.Tell(key.Key));
        key.Status = to;
        _log.Add(new TransitionRecord<ClientKeyStatus>(key.Key, from, to, _stimulus, _now));
        if (to == Forgotten)
        {
            _keys.Remove(key.Key);
            key.GatheringFrom = null;
        }
        Changed(key);
    }
}
