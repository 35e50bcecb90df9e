using System.Runtime.InteropServices;
using LazyDist.Distributed.Nanny;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

/// <summary>
/// What <c>lazydist worker</c> runs by default (dask's Nanny): a small supervisor process whose
/// worker runs in a child process of the same program. The nanny restarts the worker process when
/// it dies or crosses <see cref="NannyOptions.TerminateFraction"/> of its
/// <see cref="WorkerOptions.MemoryLimit"/>, under the same name, and the new process tells the
/// center why. SIGTERM or SIGINT stops the worker process cleanly, then the nanny; a nanny that is
/// killed leaves no orphan, as the worker process exits when its standard input (held by the
/// nanny) closes.
/// </summary>
internal static class NannyProgram
{
    /// <summary>Runs a nanny and its worker process until told to stop, or until the worker process cannot go on.</summary>
    /// <param name="worker">The worker's settings, passed to every worker process.</param>
    /// <param name="nanny">The nanny's thresholds; null for the defaults.</param>
    /// <param name="loggers">Where the nanny logs (the worker process writes to the same standard output and error).</param>
    /// <param name="cancellationToken">Stops the worker process and the nanny, like a signal.</param>
    /// <returns>0 after a clean stop; 1 when the worker lost its center or kept dying on start; 2 when it cannot start with these settings.</returns>
    public static async Task<int> RunAsync(WorkerOptions worker, NannyOptions? nanny, ILoggerFactory loggers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(loggers);
        var log = loggers.CreateLogger("lazydist.nanny");
        await using var host = new NannyHost(worker.Name, worker.MemoryLimit, nanny ?? new NannyOptions(),
            reason => WorkerProcess.Start(worker with { RestartReason = reason }, inheritOutput: true), log);
        using var onCancel = cancellationToken.Register(host.Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; host.Stop(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; host.Stop(); });
        host.Start();
        return await host.Completion.ConfigureAwait(false);
    }
}
