using System.Diagnostics;
using System.Globalization;

namespace LazyDist.Cli.Tests;

/// <summary>The cluster commands as a user runs them: real center and worker processes on loopback.</summary>
public class ClusterCommandTests
{
    private static readonly string[] Small = ["--chunks", "30", "--chunk-size", "100000"];

    [Test, CancelAfter(120_000)]
    public void Seed_ProcessesScheduler_SameTotalAsThreads_ReportsTransfers()
    {
        var threads = CliRun.InProcess(["seed", .. Small, "--scheduler", "threads:2"]);
        var processes = CliRun.InProcess(["seed", .. Small, "--scheduler", "processes:2"]);
        var fields = processes.Fields();
        Assert.Multiple(() =>
        {
            Assert.That(processes.ExitCode, Is.Zero, processes.Error);
            Assert.That(fields["total"], Is.EqualTo(threads.Fields()["total"]));
            Assert.That(long.Parse(fields["transferred_bytes"], CultureInfo.InvariantCulture), Is.InRange(1, 1_000_000), "only sums travel");
            Assert.That(int.Parse(fields["peak_keys"], CultureInfo.InvariantCulture), Is.GreaterThan(0));
            Assert.That(double.Parse(fields["cpu_s"], CultureInfo.InvariantCulture), Is.GreaterThan(0), "this process's and the workers' CPU during the run");
            Assert.That(double.Parse(threads.Fields()["cpu_s"], CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(0));
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task HandStartedCenterAndWorkers_SeedOverTcp_SameTotalAsThreads_StopCleanlyOnSigterm()
    {
        using var center = Start("center", "--port", "0", "--no-dashboard"); // 8787 may be taken by another center
        string line = (await center.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)))!;
        string address = line["center listening at ".Length..];
        using var worker1 = Start("worker", address, "--nthreads", "1", "--name", "hand-1");
        using var worker2 = Start("worker", address, "--nthreads", "1", "--name", "hand-2");
        try
        {
            var threads = CliRun.InProcess(["seed", .. Small, "--scheduler", "threads:2"]);
            var tcp = CliRun.InProcess(["seed", .. Small, "--scheduler", $"tcp://{address}"]);
            Assert.Multiple(() =>
            {
                Assert.That(tcp.ExitCode, Is.Zero, tcp.Error);
                Assert.That(tcp.Fields()["total"], Is.EqualTo(threads.Fields()["total"]));
                Assert.That(tcp.Fields(), Does.ContainKey("transferred_bytes"));
                Assert.That(tcp.Fields(), Does.Not.ContainKey("cpu_s"), "a remote cluster's CPU is not known here");
            });
            await UserLambda_RunsOnHandStartedWorkers(address);
            foreach (var process in new[] { worker1, worker2, center })
            {
                Assert.That(CliRun.Signal(process.Id, "TERM"), Is.Zero, "SIGTERM delivered");
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.That(process.ExitCode, Is.Zero, $"{process.StartInfo.ArgumentList[1]} stopped cleanly");
            }
        }
        finally
        {
            foreach (var process in new[] { worker1, worker2, center })
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>This test assembly's lambda, with a captured local, shipped to `lazydist worker` processes.</summary>
    private static async Task UserLambda_RunsOnHandStartedWorkers(string address)
    {
        await using var client = await LazyDist.Distributed.DistributedScheduler.ConnectAsync(address);
        int offset = 40;
        var graph = new LazyDist.Graph.TaskGraph { ["shipped"] = LazyDist.Graph.TaskNode.Call((int v) => v + offset, 2) };
        var result = await client.ComputeAsync(graph, ["shipped"]).AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(result[0], Is.EqualTo(42));
        Assert.That(client.CodeBytesSent, Is.GreaterThan(0), "the test assembly was sent to the center");
    }

    [TestCase("center", "--host", "0.0.0.0", "without a token")]
    [TestCase("center", "--port", "70000", "--port must be between 0 and 65535")]
    [TestCase("worker", "not-an-address", "", "is not an address of the form host:port")]
    [TestCase("worker", "127.0.0.1:1", "--nthreads=0", "--nthreads must be at least 1")]
    public void ClusterCommand_BadArgument_OneLineAndExitCode2(string command, string first, string second, string expected)
    {
        string[] args = second.Length == 0 ? [command, first] : [command, first, .. second.Split('=')];
        var run = CliRun.InProcess(args);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.Contain(expected));
        });
    }

    [Test]
    public void Center_PortInUse_OneLineNamingThePortExit1()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var run = CliRun.InProcess("center", "--port", port.ToString(CultureInfo.InvariantCulture));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Is.EqualTo($"lazydist: port {port} on 127.0.0.1 is already in use (another center?); choose another with --port, or --port 0 for any free port{Environment.NewLine}"));
        });
    }

    [Test]
    public void Center_ChosenDashboardPortInUse_OneLineNamingThePortExit1()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var run = CliRun.InProcess("center", "--port", "0", "--dashboard-port", port.ToString(CultureInfo.InvariantCulture));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain($"the dashboard's port {port} on 127.0.0.1 is already in use"));
        });
    }

    /// <summary>The default dashboard port (here set through the environment, as an implicit default) taken by another center: this one carries on elsewhere.</summary>
    [Test, CancelAfter(120_000)]
    public async Task Center_DefaultDashboardPortInUse_ServesItOnAFreePortWithAWarning(CancellationToken cancellationToken)
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        using var center = CliRun.StartWith(new Dictionary<string, string> { ["LAZYDIST_DASHBOARD_PORT"] = port.ToString(CultureInfo.InvariantCulture) }, "center", "--port", "0");
        try
        {
            string listening = (await center.StandardOutput.ReadLineAsync(cancellationToken))!;
            string dashboard = (await center.StandardOutput.ReadLineAsync(cancellationToken))!;
            string warning = (await center.StandardError.ReadLineAsync(cancellationToken))!;
            while (!warning.Contains("dashboard", StringComparison.Ordinal))
                warning = (await center.StandardError.ReadLineAsync(cancellationToken))!;
            Assert.Multiple(() =>
            {
                Assert.That(listening, Does.StartWith("center listening at "));
                Assert.That(dashboard, Does.StartWith("dashboard at http://127.0.0.1:").And.Not.Contain($":{port}/"));
                Assert.That(warning, Does.Contain($"the dashboard's port {port} is already in use (another center?); serving the dashboard at http://127.0.0.1:"));
            });
            using var http = new HttpClient();
            var status = await http.GetAsync(dashboard["dashboard at ".Length..], cancellationToken);
            Assert.That((int)status.StatusCode, Is.EqualTo(200), "the dashboard serves on its new port");
        }
        finally
        {
            CliRun.KillAll(center);
        }
    }

    [TestCase("processes:0", "at least 1")]
    [TestCase("tcp://nowhere", "host:port")]
    public void Seed_BadClusterScheduler_OneLineAndExitCode2(string scheduler, string expected)
    {
        var run = CliRun.InProcess("seed", "--scheduler", scheduler);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain(expected));
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task ParentKilled_LocalClusterWorkersExitToo()
    {
        using var parent = Start("seed", "--scheduler", "processes:2", "--chunks", "1000000", "--chunk-size", "1000");
        var workers = await ChildrenAsync(parent.Id, count: 2);
        parent.Kill(); // SIGKILL: no cleanup code runs in the parent
        foreach (var worker in workers)
        {
            using (worker)
            {
                await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
                Assert.That(worker.HasExited, Is.True, $"worker process {worker.Id} exited after its parent was killed");
            }
        }
    }

    /// <summary>The parent's child processes (from /proc), once it has <paramref name="count"/> of them.</summary>
    internal static async Task<List<Process>> ChildrenAsync(int parent, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var children = Directory.GetDirectories($"/proc/{parent}/task")
                .SelectMany(t => File.ReadAllText(Path.Combine(t, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(pid => Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture)))
                .ToList();
            if (children.Count >= count)
                return children;
            children.ForEach(c => c.Dispose());
            await Task.Delay(100, timeout.Token); // polling /proc: there is no event for "a child was born"
        }
    }

    private static Process Start(params string[] args)
    {
        var process = CliRun.Start(args);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }
}
