using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// Fetches user assemblies and session manifests from the center for executor threads, which
/// wait for the answer. Bytes are kept by hash for the life of the worker, so an assembly crosses
/// the network once per worker however many sessions use it.
/// </summary>
internal sealed class CodeFetcher(Action<WireMessage> sendToCenter, TimeSpan timeout, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<byte[]>> _code = new(StringComparer.Ordinal);
    private readonly Dictionary<int, TaskCompletionSource<CodeInfo[]>> _manifests = [];

    /// <summary>Assemblies fetched from the center so far.</summary>
    public int Fetched { get; private set; }

    /// <summary>The bytes of an assembly, from the cache or the center.</summary>
    /// <exception cref="FileNotFoundException">The center does not have it.</exception>
    /// <exception cref="TimeoutException">No answer in time.</exception>
    public byte[] GetCode(string hash)
    {
        TaskCompletionSource<byte[]>? answer;
        bool ask = false;
        lock (_gate)
        {
            if (_bytes.TryGetValue(hash, out var cached))
                return cached;
            if (!_code.TryGetValue(hash, out answer))
            {
                _code[hash] = answer = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                ask = true;
            }
        }
        if (ask)
            sendToCenter(new GetCodeMessage(hash));
        return Wait(answer.Task, $"assembly {hash[..12]}");
    }

    /// <summary>A session's manifest, asked afresh from the center.</summary>
    public CodeInfo[] GetManifest(int session)
    {
        TaskCompletionSource<CodeInfo[]>? answer;
        bool ask = false;
        lock (_gate)
        {
            if (!_manifests.TryGetValue(session, out answer))
            {
                _manifests[session] = answer = new TaskCompletionSource<CodeInfo[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                ask = true;
            }
        }
        if (ask)
            sendToCenter(new GetManifestMessage(session));
        return Wait(answer.Task, $"the manifest of session {session}");
    }

    /// <summary>The center's answer to <see cref="GetCodeMessage"/>.</summary>
    public void OnCode(CodeMessage message, IReadOnlyList<Payload> payloads)
    {
        TaskCompletionSource<byte[]>? answer;
        lock (_gate)
        {
            if (!_code.Remove(message.Hash, out answer))
                return;
            if (message.Found && payloads.Count == 1)
            {
                var bytes = payloads[0].ToByteArray();
                if (AssemblyImage.HashOf(bytes) == message.Hash)
                {
                    _bytes[message.Hash] = bytes;
                    Fetched++;
                    answer.TrySetResult(bytes);
                    return;
                }
            }
        }
        answer.TrySetException(new FileNotFoundException($"the center has no user assembly {message.Hash[..12]} (its client may have left)"));
    }

    /// <summary>The center's answer to <see cref="GetManifestMessage"/>.</summary>
    public void OnManifest(ManifestMessage message)
    {
        TaskCompletionSource<CodeInfo[]>? answer;
        lock (_gate)
            _manifests.Remove(message.Session, out answer);
        answer?.TrySetResult(message.Assemblies);
    }

    /// <summary>The center is gone: every waiting request fails.</summary>
    public void Fail(string reason)
    {
        List<Action> failures;
        lock (_gate)
        {
            failures = [.. _code.Values.Select(a => (Action)(() => a.TrySetException(new IOException(reason)))),
                .. _manifests.Values.Select(a => (Action)(() => a.TrySetException(new IOException(reason))))];
            _code.Clear();
            _manifests.Clear();
        }
        failures.ForEach(f => f());
    }

    private T Wait<T>(Task<T> answer, string what)
    {
        try
        {
            return answer.WaitAsync(timeout, time).GetAwaiter().GetResult();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"the center did not send {what} within {timeout.TotalSeconds:F0} s", e);
        }
    }
}
