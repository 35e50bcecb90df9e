using LazyDist.Distributed.Center;
using LazyDist.Distributed.Wire;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class CenterHost
{
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
            case (PeerRole.Client, CodeMessage m):
                if (envelope.Payloads.Count != 1)
                    throw new WireProtocolException("an assembly upload must carry one payload");
                var bytes = envelope.Payloads[0].ToByteArray();
                lock (_gate)
                    _code.Add(m.Hash, bytes);
                Interlocked.Add(ref _codeBytesReceived, bytes.Length);
                _log.LogInformation("stored user assembly {Hash} ({Bytes} bytes) from client {Id}", m.Hash[..12], bytes.Length, id);
                return true;
            case (PeerRole.Worker, GetCodeMessage m):
                byte[]? image;
                lock (_gate)
                    image = _code.Get(m.Hash);
                if (image is null)
                    connection.Send(new CodeMessage(m.Hash, Found: false));
                else
                {
                    connection.Send(new CodeMessage(m.Hash, Found: true), new Payload(image));
                    Interlocked.Add(ref _codeBytesServed, image.Length);
                }
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

    /// <summary>A client left: its code is forgotten here, and its workers' load contexts are let go.</summary>
    private void EndCodeSession(int client)
    {
        lock (_gate)
        {
            _code.EndSession(client);
            foreach (var worker in _workers.Values)
                worker.Send(new SessionEndedMessage(client));
        }
    }
}
