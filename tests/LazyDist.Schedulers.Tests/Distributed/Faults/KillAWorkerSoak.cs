using System.Collections.Concurrent;
using System.Diagnostics;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Faults;

/// <summary>
/// A center in this process and real one-thread worker processes; each run computes a seed graph,
/// SIGKILLs a random worker at a random moment and starts a replacement, and must end with the
/// exact total (a lost input is the cluster's problem: refetched or recomputed, never the user's).
/// Seeded: the same seed picks the same APIs, victims and moments.
/// </summary>
internal sealed class KillAWorkerSoak : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private static readonly ConcurrentDictionary<(string, int, int), double> Expected = new();
    private readonly List<Process> _workers = [];
    private readonly ConcurrentQueue<string> _output = new();
    private int _started;

    private KillAWorkerSoak(CenterHost center, string token)
    {
        Center = center;
        CenterToken = token;
    }

    public CenterHost Center { get; }

    public DistributedScheduler Client { get; private set; } = null!;

    /// <summary>The last lines the worker processes wrote, for a failure's message.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    public static async Task<KillAWorkerSoak> StartAsync(int workers)
    {
        string token = Guid.NewGuid().ToString("N");
        var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = token, ValidateState = true });
        var soak = new KillAWorkerSoak(center, token);
        try
        {
            for (int i = 0; i < workers; i++)
                soak.StartWorker();
            using var joined = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await center.WaitForWorkersAsync(workers, joined.Token);
            soak.Client = await DistributedScheduler.ConnectAsync(center.Address, soak.CenterToken);
        }
        catch
        {
            await soak.DisposeAsync();
            throw;
        }
        return soak;
    }

    private string CenterToken { get; }

    /// <summary>One run: the seed through <paramref name="api"/>, a worker killed once <paramref name="killAfter"/> more results have reached the center (or after <paramref name="killDelay"/>).</summary>
    /// <returns>The total, and whether the kill happened before the run ended.</returns>
    public async Task<(double Total, double Expected, bool Killed)> RunAsync(string api, int chunks, int chunkSize, Random random, int? killAfter = null, TimeSpan? killDelay = null)
    {
        var (graph, total) = SeedGraphs.Build(api, chunks, chunkSize);
        double expected = Expected.GetOrAdd((api, chunks, chunkSize), _ => (double)new ThreadedScheduler(2).Get(graph, total)!);
        using var bound = new CancellationTokenSource(Bound);
        await Center.WaitForWorkersAsync(_workers.Count(w => !w.HasExited), bound.Token);
        long before = Center.CompletedTasks;
        int victim = random.Next(_workers.Count);
        var running = Client.ComputeAsync(graph, [total], bound.Token).AsTask();
        Task moment = killDelay is { } delay
            ? Task.Delay(delay, bound.Token)
            : Center.WaitForAsync(s => s.CompletedTasks >= before + killAfter!.Value, bound.Token);
        bool killed = await Task.WhenAny(running, moment) == moment && !running.IsCompleted;
        if (killed)
        {
            _workers[victim].Kill(); // SIGKILL
            await _workers[victim].WaitForExitAsync(bound.Token);
            _workers[victim].Dispose();
            _workers.RemoveAt(victim);
            StartWorker();
        }
        var result = await running.WaitAsync(bound.Token);
        return ((double)result[0]!, expected, killed);
    }

    private void StartWorker()
    {
        string name = $"soak-worker-{_started++}";
        var process = WorkerProcess.Start(Center.Address, CenterToken, threads: 1, name);
        process.ErrorDataReceived += (_, e) => Keep(name, e.Data);
        process.OutputDataReceived += (_, e) => Keep(name, e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _workers.Add(process);
    }

    private void Keep(string name, string? line)
    {
        if (line is null)
            return;
        _output.Enqueue($"{name}: {line}");
        while (_output.Count > 200)
            _output.TryDequeue(out _);
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
            await Client.DisposeAsync();
        foreach (var process in _workers)
        {
            try
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                    process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
        await Center.DisposeAsync();
    }
}
