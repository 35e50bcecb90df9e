using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

/// <summary>
/// The worker process's program: what <c>lazydist worker</c> and the processes of a
/// <see cref="LocalCluster"/> run. Stops cleanly on SIGINT/SIGTERM; exits with 1 when the center is
/// gone for longer than the timeout.
/// </summary>
internal static class WorkerProgram
{
    /// <summary>Loads the libraries that register built-in operations, so every DistArray graph runs here.</summary>
    public static void LoadBuiltinOperations()
    {
        foreach (string name in new[] { "LazyDist.Collections" })
        {
            try
            {
                var assembly = Assembly.Load(name);
                RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
            }
            catch (FileNotFoundException)
            {
                // Not part of this application: graphs that use its operations fail by name.
            }
        }
    }

    /// <summary>Runs a worker until it is told to stop or its center is gone.</summary>
    /// <param name="options">The worker's options.</param>
    /// <param name="loggers">Where it logs.</param>
    /// <param name="exitWhenInputCloses">Stop when standard input closes (the parent process of a local cluster died).</param>
    /// <param name="cancellationToken">Stops the worker, like a signal.</param>
    /// <returns>0 when stopped by a signal or by its parent, 1 when the center was lost.</returns>
    public static async Task<int> RunAsync(WorkerOptions options, ILoggerFactory loggers, bool exitWhenInputCloses = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        LoadBuiltinOperations();
        // A completion source, not a CancellationTokenSource: a signal handler may run after this
        // method has returned (another handler of the same signal, such as System.CommandLine's, may
        // have ended the run first), and completing a completion source twice or late is harmless.
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onCancel = cancellationToken.Register(() => stopped.TrySetResult());
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopped.TrySetResult(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopped.TrySetResult(); });
        if (exitWhenInputCloses)
        {
            var watcher = new Thread(() =>
            {
                try
                {
                    using var input = Console.OpenStandardInput();
                    var buffer = new byte[64];
                    while (input.Read(buffer) > 0)
                    {
                    }
                }
                catch (IOException)
                {
                }
                stopped.TrySetResult();
            }) { IsBackground = true, Name = "lazydist-parent-watch" };
            watcher.Start();
        }
        await using var worker = await WorkerHost.StartAsync(options, loggers).ConfigureAwait(false);
        var first = await Task.WhenAny(worker.Completion, stopped.Task).ConfigureAwait(false);
        return first == stopped.Task ? 0 : 1;
    }
}
