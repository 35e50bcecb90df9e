using LazyDist.Distributed.Center;
using LazyDist.Distributed.Wire;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class CenterHost
{
    // Workers waiting for an assembly that is being fetched from its client, by hash.
    private readonly Dictionary<string, List<WireConnection>> _codeWaiters = new(StringComparer.Ordinal);
    private readonly HashSet<int> _leavingSessions = [];
    private long _codeBytesReceived;
    private long _codeBytesServed;

    /// <summary>Bytes of user assemblies clients uploaded to this center.</summary>
    internal long CodeBytesReceived => Interlocked.Read(ref _codeBytesReceived);

    /// <summary>Bytes of user assemblies this center sent to workers.</summary>
    internal long CodeBytesServed => Interlocked.Read(ref _codeBytesServed);

    /// <summary>Handles the code-shipping messages: offers and uploads from clients, requests from workers.</summary>
    /// <returns>Whether the message was one of them.</returns>
    private bool ReceiveCode(int id, PeerRole role, Envelope envelope, WireConnection connection)
    {
        switch (role, envelope.Header)
        {
            case (PeerRole.Client, OfferCodeMessage m):
                string[] needed;
                lock (_gate)
                {
                    try
                    {
                        needed = _code.Offer(id, m.Assemblies);
                    }
                    catch (InvalidOperationException e)
                    {
                        throw new WireProtocolException(e.Message, e);
                    }
                }
                connection.Send(new NeedCodeMessage(needed));
                return true;
            case (PeerRole.Client, CodeMessage { Found: false } m):
                Answer(m.Hash, null); // the client could not find what it offered
                return true;
            case (PeerRole.Client, CodeMessage m):
                if (envelope.Payloads.Count != 1)
                    throw new WireProtocolException("an assembly upload must carry one payload");
                var bytes = envelope.Payloads[0].ToByteArray();
                lock (_gate)
                    _code.Add(m.Hash, bytes);
                Interlocked.Add(ref _codeBytesReceived, bytes.Length);
                _log.LogInformation("stored user assembly {Hash} ({Bytes} bytes) from client {Id}", m.Hash[..12], bytes.Length, id);
                Answer(m.Hash, bytes);
                return true;
            case (PeerRole.Worker, GetCodeMessage m):
                byte[]? image;
                lock (_gate)
                {
                    image = _code.Get(m.Hash);
                    if (image is null && _code.Owner(m.Hash, _clients.ContainsKey) is { } owner && _clients.TryGetValue(owner, out var client))
                    {
                        // A dependency offered but not sent yet: ask its client, answer the worker when it comes.
                        if (!_codeWaiters.TryGetValue(m.Hash, out var waiting))
                        {
                            _codeWaiters[m.Hash] = waiting = [];
                            client.Send(new FetchCodeMessage(m.Hash));
                        }
                        waiting.Add(connection);
                        return true;
                    }
                }
                SendCode(connection, m.Hash, image);
                return true;
            case (PeerRole.Worker, GetManifestMessage m):
                CodeInfo[] manifest;
                lock (_gate)
                    manifest = _code.Manifest(m.Session);
                connection.Send(new ManifestMessage(m.Session, manifest));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A client left: once no task it submitted is left (another client may still want one, or need it
    /// recomputed), its code is forgotten here and its workers' load contexts are let go.
    /// </summary>
    private void EndCodeSession(int client)
    {
        List<string> orphaned;
        lock (_gate)
        {
            if (_state.TasksOf(client) > 0)
            {
                _leavingSessions.Add(client); // checked again on every tick
                return;
            }
            _code.EndSession(client);
            foreach (var worker in _workers.Values)
                worker.Send(new SessionEndedMessage(client));
            orphaned = [.. _codeWaiters.Keys.Where(h => _code.Owner(h, _clients.ContainsKey) is null)];
        }
        foreach (var hash in orphaned)
            Answer(hash, null); // nobody left to send it
    }

    /// <summary>Ends the sessions of departed clients whose last tasks are gone.</summary>
    private void EndLeftSessions()
    {
        List<int> done;
        lock (_gate)
        {
            done = [.. _leavingSessions.Where(s => _state.TasksOf(s) == 0)];
            _leavingSessions.ExceptWith(done);
        }
        foreach (int session in done)
            EndCodeSession(session);
    }

    /// <summary>Sends an assembly that arrived (or will not) to the workers waiting for it.</summary>
    private void Answer(string hash, byte[]? bytes)
    {
        List<WireConnection>? waiting;
        lock (_gate)
            _codeWaiters.Remove(hash, out waiting);
        foreach (var worker in waiting ?? [])
            SendCode(worker, hash, bytes);
    }

    private void SendCode(WireConnection worker, string hash, byte[]? bytes)
    {
        if (bytes is null)
        {
            worker.Send(new CodeMessage(hash, Found: false));
            return;
        }
        worker.Send(new CodeMessage(hash, Found: true), new Payload(bytes));
        Interlocked.Add(ref _codeBytesServed, bytes.Length);
    }
}
