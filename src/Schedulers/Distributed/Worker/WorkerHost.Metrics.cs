using System.Collections.Concurrent;
using LazyDist.Distributed.Wire;
using LazyDist.Distributed.Worker;

namespace LazyDist.Distributed;

public sealed partial class WorkerHost
{
    private readonly ConcurrentDictionary<WireConnection, byte> _serving = new();
    private ProcessMeter? _meter;
    private long _servedBytesClosed;

    /// <summary>Payload bytes this worker served to peers and clients, in all.</summary>
    internal long ServedBytes => Interlocked.Read(ref _servedBytesClosed) + _serving.Keys.Sum(c => c.PayloadBytesSent);

    private void ServingStarted(WireConnection connection) => _serving.TryAdd(connection, 0);

    private void ServingEnded(WireConnection connection)
    {
        if (_serving.TryRemove(connection, out _))
            Interlocked.Add(ref _servedBytesClosed, connection.PayloadBytesSent);
    }

    /// <summary>Sends this process's measurements with a heartbeat. Callers hold the lock.</summary>
    private void SendMetrics()
    {
        if (_center is null)
            return;
        _meter ??= new ProcessMeter(_time);
        var (processBytes, cpuPercent) = _meter.Read();
        _center.Send(new WorkerMetricsMessage(processBytes, cpuPercent, ServedBytes, _peers.BytesReceived));
    }
}
