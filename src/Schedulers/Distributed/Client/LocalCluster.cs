using System.Diagnostics;
using LazyDist.Graph;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LazyDist.Distributed;

/// <summary>
/// A cluster on this machine (dask's "processes" scheduler, with locality): a center in this
/// process and N worker processes on loopback, and an <see cref="IScheduler"/> that runs graphs on
/// them. Futures, the pool and the cluster's counters are its <see cref="Client"/>'s (as dask's
/// <c>Client(cluster)</c>). Worker processes exit when the cluster is disposed, and also when this
/// process dies (they watch their standard input, which only this process holds open).
/// </summary>
public sealed class LocalCluster : IScheduler, IAsyncDisposable
{
    private readonly CenterHost _center;
    private readonly List<Process> _processes;

    private LocalCluster(CenterHost center, List<Process> processes, DistributedScheduler client)
    {
        _center = center;
        _processes = processes;
        Client = client;
    }

    /// <summary>The center's address: other clients and workers may connect to it too.</summary>
    public string Address => _center.Address;

    /// <summary>The client this cluster computes through: futures, the pool, statistics (<c>cluster.Client.Submit(...)</c>).</summary>
    public DistributedScheduler Client { get; }

    /// <summary>The center, for tests that watch its state.</summary>
    internal CenterHost Center => _center;

    /// <summary>The worker processes' ids.</summary>
    public IReadOnlyList<int> WorkerProcessIds => [.. _processes.Select(p => p.Id)];

    /// <summary>Starts a center and <paramref name="workers"/> worker processes and waits until they have joined.</summary>
    /// <param name="workers">Worker processes; at least one.</param>
    /// <param name="threadsPerWorker">Executor threads in each.</param>
    /// <param name="loggers">Where the center and the workers' output log.</param>
    /// <param name="cancellationToken">Stops waiting for the workers.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one worker or thread.</exception>
    /// <exception cref="TimeoutException">The workers did not join within a minute.</exception>
    public static Task<LocalCluster> StartAsync(int workers = 2, int threadsPerWorker = 1, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default) =>
        StartAsync(new LocalClusterOptions { Workers = workers, ThreadsPerWorker = threadsPerWorker }, loggers, cancellationToken);

    /// <summary>Starts a center and the worker processes <paramref name="options"/> describe and waits until they have joined.</summary>
    /// <param name="options">The workers, their threads, TLS and result bound.</param>
    /// <param name="loggers">Where the center and the workers' output log.</param>
    /// <param name="cancellationToken">Stops waiting for the workers.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one worker or thread.</exception>
    /// <exception cref="ArgumentException">A TLS file is missing or unreadable; the message names it.</exception>
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
        var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = token, Tls = options.Tls }, loggers).ConfigureAwait(false);
        var processes = new List<Process>();
        try
        {
            for (int i = 0; i < workers; i++)
            {
                var process = WorkerProcess.Start(center.Address, token, options.ThreadsPerWorker, $"local-worker-{i}", WorkerProcess.Arguments(options.Tls, options.MaxResultBytes));
                string name = $"local-worker-{i}";
                process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.LogDebug("{Worker}: {Line}", name, e.Data); };
                process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.LogDebug("{Worker}: {Line}", name, e.Data); };
                process.BeginErrorReadLine();
                process.BeginOutputReadLine();
                processes.Add(process);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(1));
            var joined = center.WaitForWorkersAsync(workers, timeout.Token);
            var died = Task.WhenAny(processes.Select(p => p.WaitForExitAsync(timeout.Token)));
            try
            {
                if (await Task.WhenAny(joined, died).ConfigureAwait(false) == died && !joined.IsCompleted)
                {
                    var dead = processes.First(p => p.HasExited);
                    throw new InvalidOperationException($"a worker process exited with code {dead.ExitCode} before joining the center (run with a logger at Debug level to see its output)");
                }
                await joined.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"only {center.WorkerCount} of {workers} worker processes joined within a minute");
            }
            var client = await DistributedScheduler.ConnectAsync(center.Address, token, options.Tls, cancellationToken).ConfigureAwait(false);
            await WarmUpAsync(client, cancellationToken).ConfigureAwait(false);
            return new LocalCluster(center, processes, client);
        }
        catch
        {
            Stop(processes);
            await center.DisposeAsync().ConfigureAwait(false);
            throw;
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

    /// <summary>Stops the workers and the center.</summary>
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        Stop(_processes);
        await _center.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override string ToString() => $"processes:{_processes.Count}";

    private static void Stop(List<Process> processes)
    {
        foreach (var process in processes)
        {
            try
            {
                process.StandardInput.Close(); // the worker's cue to stop
                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                    process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
    }
}
