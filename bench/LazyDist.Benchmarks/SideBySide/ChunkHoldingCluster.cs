using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// A <see cref="SessionCluster"/> (a center in this process, worker processes started as a
/// <see cref="LocalCluster"/> starts them) and a bare client connection that asks for chunks and
/// never releases them, so that they stay in memory on a worker and can be fetched from its data
/// port again and again.
/// </summary>
internal sealed class ChunkHoldingCluster : IAsyncDisposable
{
    private readonly SessionCluster _cluster;
    private readonly WireConnection _client;

    private ChunkHoldingCluster(SessionCluster cluster, WireConnection client)
    {
        _cluster = cluster;
        _client = client;
    }

    /// <summary>The cluster's token, which data ports ask of their readers.</summary>
    public string Token => _cluster.Token;

    /// <summary>The token and TLS that data ports ask of their readers.</summary>
    public WireSecurity Security => WireSecurity.Create(_cluster.Token, _cluster.Tls);

    /// <summary>The CPU time the worker processes have used so far.</summary>
    public TimeSpan WorkerProcessorTime => _cluster.WorkerProcessorTime;

    /// <exception cref="TimeoutException">The workers did not join within a minute.</exception>
    public static async Task<ChunkHoldingCluster> StartAsync(int workers, TlsOptions? tls = null)
    {
        var cluster = await SessionCluster.StartAsync(workers, tls);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var client = await WireConnection.ConnectAsync(cluster.Center.Address, timeout.Token, security: WireSecurity.Create(cluster.Token, tls));
        await Handshake.IntroduceAsync(client,
            new HelloMessage(Handshake.ProtocolVersion, cluster.Token, PeerRole.Client, "bench-holder", null, 0), timeout.Token);
        return new ChunkHoldingCluster(cluster, client);
    }

    /// <summary>Has a worker make <c>Chunks.Random(length, seed)</c> under <paramref name="key"/> and keep it.</summary>
    /// <returns>The data address of the worker that holds it.</returns>
    /// <exception cref="InvalidOperationException">The center reported anything but the key in memory.</exception>
    public async Task<string> HoldChunkAsync(TaskKey key, int length, ulong seed)
    {
        var node = new TaskNode(ArrayOperations.Random, length, seed);
        var wire = WireKey.From(key);
        _client.Send(new SubmitGraphMessage([new SubmittedTask(wire, [], node.Serialize(key), 0)], [wire]));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var answer = await _client.ReceiveAsync(timeout.Token);
        return answer.Header is KeyInMemoryMessage held && held.Key == wire && held.Holders.Length > 0
            ? held.Holders[0]
            : throw new InvalidOperationException($"the center answered {answer.Header} instead of {key} in memory");
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
