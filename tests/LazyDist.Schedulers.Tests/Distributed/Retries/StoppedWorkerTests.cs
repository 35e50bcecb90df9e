using System.Diagnostics;
using LazyDist.Collections;
using LazyDist.Distributed;

namespace LazyDist.Schedulers.Tests.Distributed.Retries;

/// <summary>
/// A worker process stopped by SIGSTOP mid-run (alive to the kernel, silent to everyone): the center
/// removes it after its heartbeat timeout and recomputes what it held, the other worker's fetches
/// from it time out as stalled and move on, and the run finishes exactly.
/// </summary>
public class StoppedWorkerTests
{
    [Test, CancelAfter(240_000)]
    public async Task SigstopAWorkerMidSeed_RunFinishesExactly()
    {
        var sum = DistArray.Random(300L * 100_000, 100_000, seed: 42).Sum();
        double expected = sum.Compute(new ThreadedScheduler(2));
        const string token = "stopped-worker-test";
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0, Token = token, HeartbeatTimeout = TimeSpan.FromSeconds(5) });
        await using var live = await WorkerHost.StartAsync(new WorkerOptions
        {
            CenterAddress = center.Address, Token = token, Threads = 1, Name = "live", PeerStallTimeout = TimeSpan.FromSeconds(3), MemoryLimit = 0,
        });
        using var stopped = WorkerProcess.Start(center.Address, token, threads: 1, "to-be-stopped");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        stopped.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        stopped.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        stopped.BeginErrorReadLine();
        stopped.BeginOutputReadLine();
        try
        {
            using (var joined = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
                await center.WaitForWorkersAsync(2, joined.Token);
            await using var client = await DistributedScheduler.ConnectAsync(center.Address, token);
            var running = client.ComputeAsync(sum.Graph, [sum.Key]).AsTask();
            await center.WaitForAsync(s => s.CompletedTasks >= 150, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));
            Signal("STOP", stopped.Id);

            var result = await running.WaitAsync(TimeSpan.FromSeconds(180));
            Assert.That(BitConverter.DoubleToInt64Bits((double)result[0]!), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), string.Join('\n', output));
        }
        finally
        {
            Signal("CONT", stopped.Id);
            stopped.Kill();
            await stopped.WaitForExitAsync();
        }
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
