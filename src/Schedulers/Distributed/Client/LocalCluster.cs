using System.Diagnostics;
using System.Runtime.CompilerServices;
using LazyDist.Distributed.Center;
using LazyDist.Distributed.Nanny;
using LazyDist.Graph;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LazyDist.Distributed;

/// <summary>
/// A cluster on this machine (dask's "processes" scheduler, with locality): a center in this
/// process and N worker processes on loopback, and an <see cref="IScheduler"/> that runs graphs on
/// them. Futures, the pool and the cluster's counters are its <see cref="Client"/>'s (as dask's
/// <c>Client(cluster)</c>). The cluster is its worker processes' nanny: one that dies is replaced,
/// so it keeps its size. Worker processes exit when the cluster is disposed, and also when this
/// process dies (they watch their standard input, which only this process holds open).
/// </summary>
public sealed class LocalCluster : IScheduler, IReportsProgress, IAsyncDisposable
{
    private readonly CenterHost _center;
    private readonly List<NannyHost> _nannies;
    private readonly IDashboard? _dashboard;

    private LocalCluster(CenterHost center, List<NannyHost> nannies, DistributedScheduler client, IDashboard? dashboard)
    {
        _center = center;
        _nannies = nannies;
        _dashboard = dashboard;
        Client = client;
    }

    /// <summary>The dashboard's address to open in a browser (with the cluster's token), or null when <see cref="LocalClusterOptions.Dashboard"/> was not set.</summary>
    public string? DashboardAddress => _dashboard?.Url;

    /// <summary>The center's address: other clients and workers may connect to it too.</summary>
    public string Address => _center.Address;

    /// <summary>The client this cluster computes through: futures, the pool, statistics (<c>cluster.Client.Submit(...)</c>).</summary>
    public DistributedScheduler Client { get; }

    /// <summary>The center, for tests that watch its state.</summary>
    internal CenterHost Center => _center;

    /// <summary>The worker processes' ids, now (a replaced process has a new id).</summary>
    public IReadOnlyList<int> WorkerProcessIds => [.. _nannies.Select(n => n.ProcessId)];

    /// <summary>Worker processes started to replace one that died, crossed its memory limit or was restarted, in all.</summary>
    public int Restarts => _nannies.Sum(n => n.Restarts);

    /// <summary>Starts a center and <paramref name="workers"/> worker processes and waits until they have joined.</summary>
    /// <param name="workers">Worker processes; at least one.</param>
    /// <param name="threadsPerWorker">Executor threads in each.</param>
    /// <param name="loggers">Where the center and the workers' output log.</param>
    /// <param name="cancellationToken">Stops waiting for the workers.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one worker or thread.</exception>
    /// <exception cref="TimeoutException">The workers did not join within a minute.</exception>
    public static Task<LocalCluster> StartAsync(int workers = 2, int threadsPerWorker = 1, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default) =>
        StartAsync(new LocalClusterOptions { Workers = workers, ThreadsPerWorker = threadsPerWorker }, loggers, cancellationToken);

    /// <summary>
    /// Starts a center and the worker processes <paramref name="options"/> describe and waits until
    /// they have joined. The cluster is the nanny of its worker processes: one that dies (or crosses
    /// its memory limit) is replaced under the same name, so the cluster keeps its size.
    /// </summary>
    /// <param name="options">The workers, their threads, TLS, result bound, memory limit and nanny.</param>
    /// <param name="loggers">Where the center and the workers' output log.</param>
    /// <param name="cancellationToken">Stops waiting for the workers.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one worker or thread.</exception>
    /// <exception cref="ArgumentException">A TLS file is missing or unreadable; the message names it.</exception>
    /// <exception cref="InvalidOperationException">A worker process could not start; the message says how it ended.</exception>
    /// <exception cref="TimeoutException">The workers did not join within a minute.</exception>
    public static async Task<LocalCluster> StartAsync(LocalClusterOptions options, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        int workers = options.Workers;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ThreadsPerWorker);
        loggers ??= NullLoggerFactory.Instance;
        var log = loggers.CreateLogger("lazydist.local-cluster");
        string token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = token, Tls = options.Tls, NoWorkersTimeout = options.NoWorkersTimeout, WorkStealing = options.WorkStealing }, loggers).ConfigureAwait(false);
        var nannies = new List<NannyHost>();
        var lastError = new StrongBox<string?>();
        IDashboard? dashboard = null;
        try
        {
            if (options.Dashboard is { } startDashboard)
                dashboard = await startDashboard(center, token, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < workers; i++)
            {
                var worker = new WorkerOptions
                {
                    CenterAddress = center.Address,
                    Token = token,
                    Threads = options.ThreadsPerWorker,
                    Name = $"local-worker-{i}",
                    CenterTimeout = WorkerProcess.LocalCenterTimeout,
                    Tls = options.Tls,
                    MaxResultBytes = options.MaxResultBytes,
                    MemoryLimit = options.MemoryLimit ?? Distributed.Worker.MemoryPolicy.MachineMemory() / options.Workers,
                };
                // The worker watches its own memory (spill, pause, the terminate line); the cluster's nanny replaces a
                // worker that dies. Its RSS check would count memory the worker's GC keeps committed but unused.
                var nanny = new NannyHost(worker.Name, memoryLimit: null, options.Nanny, reason => StartProcess(worker with { RestartReason = reason }, log, lastError), log);
                nannies.Add(nanny);
                nanny.Start();
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(1));
            var joined = center.WaitForWorkersAsync(workers, timeout.Token);
            var ended = Task.WhenAny(nannies.Select(n => n.Completion));
            try
            {
                if (await Task.WhenAny(joined, ended).ConfigureAwait(false) == ended && !joined.IsCompleted)
                {
                    int code = await (await ended.ConfigureAwait(false)).ConfigureAwait(false);
                    throw new InvalidOperationException($"a worker process could not start and join the center (its nanny ended with {code}; its last error line: {lastError.Value ?? "none"}; run with a logger at Debug level to see all its output)");
                }
                await joined.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"only {center.WorkerCount} of {workers} worker processes joined within a minute");
            }
            var client = await DistributedScheduler.ConnectAsync(center.Address, token, options.Tls, cancellationToken).ConfigureAwait(false);
            await WarmUpAsync(client, cancellationToken).ConfigureAwait(false);
            return new LocalCluster(center, nannies, client, dashboard);
        }
        catch
        {
            if (dashboard is not null)
                await dashboard.DisposeAsync().ConfigureAwait(false);
            await StopAsync(nannies).ConfigureAwait(false);
            await center.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A worker process whose output lines go to the cluster's log at Debug level.</summary>
    /// <summary>Starts one worker process, its output going to <paramref name="log"/> and its last error message line into <paramref name="lastError"/> (for the message when one cannot start).</summary>
    private static Process StartProcess(WorkerOptions worker, ILogger log, StrongBox<string?> lastError)
    {
        var process = WorkerProcess.Start(worker);
        string name = worker.Name;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            log.LogDebug("{Worker}: {Line}", name, e.Data);
            if (!e.Data.StartsWith("   ", StringComparison.Ordinal) && !e.Data.StartsWith(" ---", StringComparison.Ordinal))
                lastError.Value = $"{name}: {e.Data}"; // a message, not the stack below it
        };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.LogDebug("{Worker}: {Line}", name, e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>
    /// Restarts every worker process (dask's <c>Client.restart</c>) and waits until the new ones
    /// have joined. Results the workers held are lost; what a client still wants (a computation
    /// running now, a persisted future) is recomputed from its graph on the new processes, not
    /// failed, and a task running at the restart counts it as one worker death toward
    /// the worker-killer verdict (<see cref="SchedulerOptions.AllowedFailures"/>).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the new processes.</param>
    /// <exception cref="TimeoutException">Not every worker process was back within a minute.</exception>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        HashSet<int> before = [];
        await _center.WaitForAsync(s => { before = [.. s.Workers.Keys]; return true; }, cancellationToken).ConfigureAwait(false);
        foreach (var nanny in _nannies)
            nanny.Restart("was restarted by its cluster");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await _center.WaitForAsync(s => s.Workers.Count >= _nannies.Count && s.Workers.Keys.All(id => !before.Contains(id)), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"only {_center.WorkerCount} of {_nannies.Count} restarted worker processes joined within a minute");
        }
    }

    /// <summary>
    /// Runs a small graph through every path — submit, admission, peer fetch, gather, delete — so
    /// the first real computation does not pay for compiling them in the center and the workers.
    /// </summary>
    private static async Task WarmUpAsync(DistributedScheduler client, CancellationToken cancellationToken)
    {
        var graph = new TaskGraph();
        for (int round = 0; round < 4; round++)
        {
            for (int i = 0; i < 32; i++)
                graph[($"lazydist-warm-up-{round}", i)] = TaskNode.FromValue((long)i);
            graph[$"lazydist-warm-up-{round}"] = TaskNode.List(Enumerable.Range(0, 32).Select(i => (TaskArg)TaskArg.Ref(($"lazydist-warm-up-{round}", i))));
            await client.ComputeAsync(graph, [$"lazydist-warm-up-{round}"], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken = default) =>
        Client.ComputeAsync(graph, keys, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress> progress, CancellationToken cancellationToken = default) =>
        Client.ComputeAsync(graph, keys, progress, cancellationToken);

    /// <summary>Stops the workers and the center.</summary>
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (_dashboard is not null)
            await _dashboard.DisposeAsync().ConfigureAwait(false);
        await StopAsync(_nannies).ConfigureAwait(false);
        await _center.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override string ToString() => $"processes:{_nannies.Count}";

    /// <summary>Stops every worker process at once (each is killed after its nanny's grace period) and waits for them.</summary>
    private static Task StopAsync(List<NannyHost> nannies) =>
        Task.WhenAll(nannies.Select(n => n.DisposeAsync().AsTask()));
}
