using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Cli.Tests;

/// <summary>
/// `lazydist worker` stops cleanly on SIGTERM whatever it did before (issue 11 item 8): after a task
/// that threw, and after rejoining a restarted center. Real center and worker processes.
/// </summary>
public class WorkerSigtermTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Test, CancelAfter(300_000)]
    public async Task Sigterm_AfterATaskThrew_ExitsZero_NoUnhandledException()
    {
        using var center = new CliProcess("center", "--port", "0", "--no-dashboard");
        string address = (await center.LineAsync(l => l.StartsWith("center listening at ", StringComparison.Ordinal)))["center listening at ".Length..];
        await using var client = await DistributedScheduler.ConnectAsync(address);
        for (int round = 0; round < 4; round++)
        {
            using var worker = new CliProcess("worker", address, "--nthreads", "1", "--name", $"sigterm-{round}");
            await worker.LineAsync(l => l.Contains("joined the center", StringComparison.Ordinal));
            var graph = new TaskGraph { [$"throws-{round}"] = TaskNode.Call((int v) => v > 0 ? throw new InvalidOperationException("boom") : v, 1) };
            Assert.ThrowsAsync<TaskFailedException>(async () => await client.ComputeAsync(graph, [$"throws-{round}"]).AsTask().WaitAsync(Bound));
            await worker.TerminateAsync();
            Assert.That(worker.ExitCode, Is.Zero, $"round {round}: {worker.Output}");
            Assert.That(worker.Output, Does.Not.Contain("Unhandled exception"));
        }
    }

    [Test, CancelAfter(300_000)]
    public async Task Sigterm_AfterRejoiningARestartedCenter_ExitsZero()
    {
        string address;
        using (var first = new CliProcess("center", "--port", "0", "--no-dashboard"))
            address = (await first.LineAsync(l => l.StartsWith("center listening at ", StringComparison.Ordinal)))["center listening at ".Length..];
        // The first center has stopped; the worker waits for a center at that address.
        string port = address[(address.LastIndexOf(':') + 1)..];
        using var worker = new CliProcess("worker", address, "--nthreads", "1", "--name", "rejoins", "--center-timeout", "120");
        using (var center = new CliProcess("center", "--port", port, "--no-dashboard"))
        {
            await worker.LineAsync(l => l.Contains("joined the center", StringComparison.Ordinal));
            await center.TerminateAsync();
        }
        using var again = new CliProcess("center", "--port", port, "--no-dashboard");
        await worker.LineAsync(l => l.Contains("joined the center", StringComparison.Ordinal), skip: 1);
        await worker.TerminateAsync();
        Assert.That(worker.ExitCode, Is.Zero, worker.Output);
        Assert.That(worker.Output, Does.Not.Contain("Unhandled exception"));
    }

    /// <summary>A `lazydist` process whose stdout and stderr lines are collected and can be awaited.</summary>
    private sealed class CliProcess : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public CliProcess(params string[] args)
        {
            _process = CliRun.Start(args);
            _process.OutputDataReceived += (_, e) => Add(e.Data);
            _process.ErrorDataReceived += (_, e) => Add(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int ExitCode => _process.ExitCode;

        public string Output => string.Join('\n', _lines);

        /// <summary>Waits for a line that matches (after <paramref name="skip"/> earlier matches), as it arrives.</summary>
        public async Task<string> LineAsync(Func<string, bool> match, int skip = 0)
        {
            using var timeout = new CancellationTokenSource(Bound);
            while (true)
            {
                var found = _lines.Where(match).Skip(skip).FirstOrDefault();
                if (found is not null)
                    return found;
                if (_process.HasExited)
                    Assert.Fail($"{string.Join(' ', _process.StartInfo.ArgumentList)} exited with {_process.ExitCode} before writing the line awaited:\n{Output}");
                await _arrived.WaitAsync(timeout.Token);
            }
        }

        /// <summary>Sends SIGTERM, as a service manager would, and waits for the exit.</summary>
        public async Task TerminateAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            await _process.WaitForExitAsync().WaitAsync(Bound);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
            _process.Dispose();
        }

        private void Add(string? line)
        {
            if (line is null)
            {
                _arrived.Release();
                return;
            }
            _lines.Enqueue(line);
            _arrived.Release();
        }
    }
}
