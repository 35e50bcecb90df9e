using System.Diagnostics;
using LazyDist.Collections;
using LazyDist.Distributed;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// A center in this process, worker processes started as a <see cref="LocalCluster"/> starts them,
/// and a bare client connection that asks for chunks and never releases them, so that they stay
/// in memory on a worker and can be fetched from its data port again and again.
/// </summary>
internal sealed class ChunkHoldingCluster : IAsyncDisposable
{
    private readonly CenterHost _center;
    private readonly List<Process> _workers;
    private readonly WireConnection _client;

    private ChunkHoldingCluster(string token, CenterHost center, List<Process> workers, WireConnection client)
    {
        Token = token;
        _center = center;
        _workers = workers;
        _client = client;
    }

    /// <summary>The cluster's token, which data ports ask of their readers.</summary>
    public string Token { get; }

    /// <exception cref="TimeoutException">The workers did not join within a minute.</exception>
    public static async Task<ChunkHoldingCluster> StartAsync(int workers)
    {
        string token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = token });
        var processes = new List<Process>();
        for (int i = 0; i < workers; i++)
        {
            var process = WorkerProcess.Start(center.Address, token, 1, $"bench-worker-{i}");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            processes.Add(process);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await center.WaitForWorkersAsync(workers, timeout.Token);
        var client = await WireConnection.ConnectAsync(center.Address, timeout.Token);
        await Handshake.IntroduceAsync(client,
            new HelloMessage(Handshake.ProtocolVersion, token, PeerRole.Client, "bench-holder", null, 0), timeout.Token);
        return new ChunkHoldingCluster(token, center, processes, client);
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
        foreach (var process in _workers)
        {
            process.StandardInput.Close(); // the worker's cue to stop
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                process.Kill(entireProcessTree: true);
            process.Dispose();
        }
        await _center.DisposeAsync();
    }
}
