using System.Net.Sockets;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class WorkerHost
{
    /// <summary>Answers GetData requests from one peer or client until it disconnects.</summary>
    private async Task ServeDataAsync(WireConnection connection)
    {
        connection.Time = _time;
        ServingStarted(connection);
        try
        {
            var hello = await _admission.AdmitAsync(connection, _stopping.Token).ConfigureAwait(false);
            if (hello is null)
                return; // refused, and logged
            connection.Send(new WelcomeMessage(0, _options.Name));
            while (true)
            {
                var request = await connection.ReceiveAsync(_stopping.Token).ConfigureAwait(false);
                if (request.Header is not GetDataMessage get)
                    throw new WireProtocolException($"a data port only answers GetData, got {request.Header.GetType().Name}");
                var sending = new List<TaskKey>();
                var (reply, payloads) = DataReplies.Build(get.Keys, key =>
                {
                    bool found = _store.TryGetForSending(key, out var value);
                    if (found)
                        sending.Add(key);
                    return (found, value);
                });
                connection.Send(new Envelope(reply, payloads, () => sending.ForEach(_store.SendDone)));
            }
        }
        catch (WireProtocolException e)
        {
            _log.LogWarning("closing the data connection from {Remote}: {Reason}", connection.Remote, LogText.Of(e.Message));
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The reader went away.
        }
        finally
        {
            ServingEnded(connection);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
