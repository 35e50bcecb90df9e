using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class CenterHost
{
    private readonly CodeSessions _code = new();

    /// <summary>Bytes of user assemblies clients uploaded to this center.</summary>
    internal long CodeBytesReceived
    {
        get
        {
            lock (_gate)
                return _code.BytesReceived;
        }
    }

    /// <summary>Bytes of user assemblies this center sent to workers.</summary>
    internal long CodeBytesServed
    {
        get
        {
            lock (_gate)
                return _code.BytesServed;
        }
    }

    /// <summary>Turns the code-shipping messages into calls on <see cref="CodeSessions"/> and sends its answers.</summary>
    /// <returns>Whether the message was one of them.</returns>
    /// <exception cref="WireProtocolException">The code store refused what the client sent; its connection is closed.</exception>
    private bool ReceiveCode(int id, PeerRole role, Envelope envelope, WireConnection connection)
    {
        try
        {
            lock (_gate)
            {
                switch (role, envelope.Header)
                {
                    case (PeerRole.Client, OfferCodeMessage m):
                        Queue(connection, new NeedCodeMessage(_code.Offer(id, m.Assemblies)));
                        return true;
                    case (PeerRole.Client, CodeMessage { Found: false } m):
                        SendReplies(_code.Uploaded(m.Hash, null));
                        return true;
                    case (PeerRole.Client, CodeMessage m):
                        if (envelope.Payloads.Count != 1)
                            throw new WireProtocolException("an assembly upload must carry one payload");
                        var bytes = envelope.Payloads[0].ToByteArray();
                        SendReplies(_code.Uploaded(m.Hash, bytes));
                        _log.LogInformation("stored user assembly {Hash} ({Bytes} bytes) from client {Id}", m.Hash[..Math.Min(12, m.Hash.Length)], bytes.Length, id);
                        return true;
                    case (PeerRole.Worker, GetCodeMessage m):
                        var (replies, fetchFrom) = _code.Requested(id, m.Hash);
                        if (fetchFrom is { } client && _clients.TryGetValue(client, out var owner))
                            Queue(owner, new FetchCodeMessage(m.Hash));
                        SendReplies(replies);
                        return true;
                    case (PeerRole.Worker, GetManifestMessage m):
                        Queue(connection, new ManifestMessage(m.Session, _code.Manifest(m.Session)));
                        return true;
                    default:
                        return false;
                }
            }
        }
        catch (CodeStoreException e)
        {
            throw new WireProtocolException(e.Message, e);
        }
    }

    /// <summary>A client left: once no task it submitted is left, its code is forgotten and its workers' load contexts let go.</summary>
    private void EndCodeSession(int client)
    {
        lock (_gate)
            Ended(_code.ClientLeft(client, _state.TasksOf(client)));
    }

    /// <summary>Ends the sessions of departed clients whose last tasks are gone (on every tick).</summary>
    private void EndLeftSessions()
    {
        lock (_gate)
            Ended(_code.Tick(_state.TasksOf));
    }

    private void Ended((ValueList<int> Sessions, ValueList<CodeReply> Replies) ended)
    {
        foreach (int session in ended.Sessions)
        {
            foreach (var worker in _workers.Values)
                Queue(worker, new SessionEndedMessage(session));
        }
        SendReplies(ended.Replies);
    }

    private void SendReplies(ValueList<CodeReply> replies)
    {
        foreach (var reply in replies)
        {
            if (!_workers.TryGetValue(reply.WorkerId, out var worker))
                continue;
            if (reply.Bytes is null)
                worker.Send(new CodeMessage(reply.Hash, Found: false));
            else
                worker.Send(new CodeMessage(reply.Hash, Found: true), new Payload(reply.Bytes));
        }
    }
}
