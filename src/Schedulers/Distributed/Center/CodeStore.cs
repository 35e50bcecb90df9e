using LazyDist.Distributed.Wire;

namespace LazyDist.Distributed.Center;

/// <summary>
/// The user assemblies the center keeps for its workers: bytes by SHA-256, and each client
/// session's manifest (simple name → hash). Bytes are kept while some session lists them. An
/// offered assembly that no operation names (a dependency) is fetched from its client only when
/// a worker first asks for it, so a program's unused references never travel.
/// No I/O: <see cref="CodeSessions"/> drives it.
/// </summary>
internal sealed class CodeStore
{
    private readonly Dictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<string, CodeInfo>> _sessions = [];

    /// <summary>Assemblies held.</summary>
    public int Count => _bytes.Count;

    /// <summary>Adds offered assemblies to a session's manifest; returns the hashes whose bytes are needed now (roots not held).</summary>
    /// <exception cref="CodeStoreException">The session already has another build of one of them.</exception>
    public string[] Offer(int session, IEnumerable<CodeInfo> assemblies)
    {
        if (!_sessions.TryGetValue(session, out var manifest))
            _sessions[session] = manifest = new(StringComparer.Ordinal);
        var needed = new List<string>();
        foreach (var offered in assemblies)
        {
            if (manifest.TryGetValue(offered.Name, out var known) && known.Hash != offered.Hash)
                throw new CodeStoreException(
                    $"this session already uses assembly {offered.Name} {known.Hash[..12]}, so it cannot also use the build {offered.Hash[..12]}; connect a new client for it");
            manifest[offered.Name] = offered;
            if (offered.Root && !_bytes.ContainsKey(offered.Hash) && !needed.Contains(offered.Hash))
                needed.Add(offered.Hash);
        }
        return [.. needed];
    }

    /// <summary>Stores bytes a client sent.</summary>
    /// <exception cref="CodeStoreException">The bytes do not have the hash they were sent under.</exception>
    public void Add(string hash, byte[] bytes)
    {
        string actual = Graph.AssemblyImage.HashOf(bytes);
        if (actual != hash)
            throw new CodeStoreException($"assembly bytes sent as {hash[..Math.Min(12, hash.Length)]} hash to {actual[..12]}");
        _bytes[hash] = bytes;
    }

    /// <summary>The bytes of an assembly, when held.</summary>
    public byte[]? Get(string hash) => _bytes.GetValueOrDefault(hash);

    /// <summary>A session that listed <paramref name="hash"/> and can be asked for its bytes (<paramref name="reachable"/>), if any.</summary>
    public int? Owner(string hash, Func<int, bool> reachable)
    {
        foreach (var (session, manifest) in _sessions)
        {
            if (reachable(session) && manifest.Values.Any(c => c.Hash == hash))
                return session;
        }
        return null;
    }

    /// <summary>A session's manifest (empty for an unknown or ended session).</summary>
    public CodeInfo[] Manifest(int session) => _sessions.TryGetValue(session, out var manifest) ? [.. manifest.Values] : [];

    /// <summary>Forgets a session; bytes no other session lists are dropped.</summary>
    public void EndSession(int session)
    {
        if (!_sessions.Remove(session))
            return;
        var listed = _sessions.Values.SelectMany(m => m.Values).Select(c => c.Hash).ToHashSet(StringComparer.Ordinal);
        foreach (var hash in _bytes.Keys.Where(h => !listed.Contains(h)).ToList())
            _bytes.Remove(hash);
    }
}
