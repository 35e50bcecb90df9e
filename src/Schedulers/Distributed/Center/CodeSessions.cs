using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;

namespace LazyDist.Distributed.Center;

/// <summary>
/// The life of client sessions' code on the center, with no I/O (beside <see cref="CodeStore"/>,
/// which holds the bytes): offers and uploads from clients, requests from workers, the dependency
/// fetched from its client while workers wait for it, and the end of a session once its client has
/// left and no task it submitted remains. Each call returns what the host must send.
/// </summary>
internal sealed class CodeSessions
{
    private readonly CodeStore _store = new();
    private readonly HashSet<int> _clients = [];
    private readonly HashSet<int> _leaving = [];
    // Workers waiting for an assembly that is being fetched from its client, by hash.
    private readonly Dictionary<string, List<int>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Bytes of user assemblies clients uploaded.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Bytes of user assemblies sent to workers.</summary>
    public long BytesServed { get; private set; }

    public void ClientJoined(int client) => _clients.Add(client);

    /// <summary>A client offers assemblies; returns the hashes it must send now (roots the center lacks).</summary>
    /// <exception cref="CodeStoreException">The session already uses another build of one of them.</exception>
    public string[] Offer(int client, IEnumerable<CodeInfo> assemblies) => _store.Offer(client, assemblies);

    /// <summary>A client sent an assembly's bytes (null: it could not find what it offered); returns the answers for the workers waiting for it.</summary>
    /// <exception cref="CodeStoreException">The bytes do not have the hash they were sent under.</exception>
    public ValueList<CodeReply> Uploaded(string hash, byte[]? bytes)
    {
        if (bytes is not null)
        {
            _store.Add(hash, bytes);
            BytesReceived += bytes.Length;
        }
        return Answer(hash, bytes);
    }

    /// <summary>A worker asks for an assembly: the answer now, or the client to fetch it from (the worker then waits), or nothing (it waits for a fetch under way).</summary>
    public (ValueList<CodeReply> Replies, int? FetchFrom) Requested(int worker, string hash)
    {
        var bytes = _store.Get(hash);
        if (bytes is null && _store.Owner(hash, _clients.Contains) is { } owner)
        {
            // A dependency offered but not sent yet: ask its client, answer the worker when it comes.
            bool first = !_waiting.TryGetValue(hash, out var waiting);
            if (first)
                _waiting[hash] = waiting = [];
            waiting!.Add(worker);
            return ([], first ? owner : null);
        }
        return ([Reply(worker, hash, bytes)], null);
    }

    /// <summary>A session's manifest (empty for an unknown or ended session).</summary>
    public CodeInfo[] Manifest(int session) => _store.Manifest(session);

    /// <summary>A client left: its session ends now if no task it submitted remains, else once none does (see <see cref="Tick"/>).</summary>
    public (ValueList<int> Ended, ValueList<CodeReply> Replies) ClientLeft(int client, int tasksRemaining)
    {
        _clients.Remove(client);
        if (tasksRemaining > 0)
        {
            _leaving.Add(client);
            return ([], []);
        }
        return End([client]);
    }

    /// <summary>Ends the sessions of departed clients whose last tasks are gone.</summary>
    public (ValueList<int> Ended, ValueList<CodeReply> Replies) Tick(Func<int, int> tasksOf)
    {
        var done = _leaving.Where(s => tasksOf(s) == 0).ToList();
        _leaving.ExceptWith(done);
        return done.Count == 0 ? ([], []) : End(done);
    }

    private (ValueList<int>, ValueList<CodeReply>) End(List<int> sessions)
    {
        foreach (int session in sessions)
            _store.EndSession(session);
        var replies = new List<CodeReply>();
        foreach (var hash in _waiting.Keys.Where(h => _store.Owner(h, _clients.Contains) is null).ToList())
            replies.AddRange(Answer(hash, null)); // nobody left to send it
        return (sessions.ToArray(), replies);
    }

    private ValueList<CodeReply> Answer(string hash, byte[]? bytes)
    {
        if (!_waiting.Remove(hash, out var workers))
            return [];
        return workers.Select(w => Reply(w, hash, bytes)).ToArray();
    }

    private CodeReply Reply(int worker, string hash, byte[]? bytes)
    {
        BytesServed += bytes?.Length ?? 0;
        return new CodeReply(worker, hash, bytes);
    }
}

/// <summary>An answer to a worker's request for an assembly.</summary>
/// <param name="WorkerId">The worker that asked.</param>
/// <param name="Hash">The assembly's hash.</param>
/// <param name="Bytes">Its bytes, or null when the center cannot have them.</param>
internal sealed record CodeReply(int WorkerId, string Hash, byte[]? Bytes);
