using LazyDist.Distributed.Wire;
using LazyDist.Distributed.Worker;

namespace LazyDist.Distributed;

public sealed partial class WorkerHost
{
    private readonly Dictionary<int, SessionCode> _sessions = [];
    private readonly Lock _sessionsGate = new(); // not _gate: an executor looks its session up while the dispatcher holds _gate

    /// <summary>Raised when a client session's load context is let go, with a weak reference to it (for tests).</summary>
    internal event Action<int, WeakReference>? CodeUnloaded;

    /// <summary>User assemblies fetched from the center by this worker.</summary>
    internal int FetchedAssemblies => _codeFetcher.Fetched;

    /// <summary>The user code of a client session, made on first use.</summary>
    private SessionCode CodeFor(int session)
    {
        lock (_sessionsGate)
        {
            if (!_sessions.TryGetValue(session, out var code))
                _sessions[session] = code = new SessionCode(session, _codeFetcher);
            return code;
        }
    }

    /// <summary>Handles the center's answers about code, and the end of a session.</summary>
    /// <returns>Whether the message was one of them.</returns>
    private bool ReceiveCode(WireMessage message, IReadOnlyList<Payload> payloads)
    {
        switch (message)
        {
            case CodeMessage m:
                _codeFetcher.OnCode(m, payloads);
                return true;
            case ManifestMessage m:
                _codeFetcher.OnManifest(m);
                return true;
            case SessionEndedMessage m:
                SessionCode? ended;
                lock (_sessionsGate)
                    _sessions.Remove(m.Session, out ended);
                if (ended is not null)
                    Unload(m.Session, ended);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether <see cref="ReceiveCode"/> handles this message.</summary>
    private static bool IsAboutCode(WireMessage message) => message is CodeMessage or ManifestMessage or SessionEndedMessage;

    /// <summary>The center is gone: its sessions end with it, and waiting code requests fail.</summary>
    private void EndCodeSessions(string reason)
    {
        List<KeyValuePair<int, SessionCode>> ended;
        lock (_sessionsGate)
        {
            ended = [.. _sessions];
            _sessions.Clear();
        }
        _codeFetcher.Fail(reason);
        foreach (var (session, code) in ended)
            Unload(session, code);
    }

    // Called without _gate: a session's lock may be held by an executor waiting to send to the center.
    private void Unload(int session, SessionCode code)
    {
        var context = code.Context;
        code.Unload();
        CodeUnloaded?.Invoke(session, context);
    }

    private void SendToCenter(WireMessage message)
    {
        lock (_gate)
        {
            if (_center is null)
                throw new IOException($"worker {_options.Name} has no center to ask");
            _center.Send(message);
        }
    }
}
