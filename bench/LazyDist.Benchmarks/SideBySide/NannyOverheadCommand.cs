using System.Diagnostics;
using System.Globalization;
using LazyDist.Distributed;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// <c>nanny-overhead [--repeat 5] [--chunks 1000]</c>: the seed (<c>lazydist seed --scheduler
/// tcp://...</c>) on a <c>lazydist center</c> with two one-thread <c>lazydist worker</c>s, with
/// their nannies (the default) and with <c>--no-nanny</c>, taking turns on fresh clusters. Reports
/// the seed's own <c>seconds</c> (cluster start-up excluded), medians and the ratio against the
/// issue's target (nannies on within 1.1x of off), with the load average before and after.
/// </summary>
internal static class NannyOverheadCommand
{
    public const string Name = "nanny-overhead";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter log)
    {
        int repeat = TinyTaskCommand.Option(args, "--repeat", 5);
        int chunks = TinyTaskCommand.Option(args, "--chunks", 1000);
        var layout = RepoLayout.Find();
        output.WriteLine($"what=machine {LoadAverage.Field()}");
        var seconds = new Dictionary<string, List<double>> { ["nanny"] = [], ["no-nanny"] = [] };
        for (int r = 1; r <= repeat; r++)
        {
            foreach (var (mode, runs) in seconds)
            {
                log.WriteLine($"# nanny-overhead {r}/{repeat}: {mode}");
                runs.Add(SeedOnFreshCluster(layout, mode == "nanny", chunks));
            }
        }
        foreach (var (mode, runs) in seconds)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"what=nanny-overhead workers={mode} chunks={chunks} repeats={runs.Count} median_seconds={Fields.F(Fields.Median(runs))} seconds={Fields.List(runs)}"));
        }
        double ratio = Fields.Median(seconds["nanny"]) / Fields.Median(seconds["no-nanny"]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=nanny-overhead-ratio nanny_vs_no_nanny={Fields.F(ratio)} target<=1.1 ok={(ratio <= 1.1 ? "yes" : "no")}"));
        output.WriteLine($"what=machine-after {LoadAverage.Field()}");
        return 0;
    }

    /// <summary>A center and two workers started by hand, the seed through them, everything stopped.</summary>
    private static double SeedOnFreshCluster(RepoLayout layout, bool nanny, int chunks)
    {
        var started = new List<Process>();
        try
        {
            var center = Cli(layout, started, "center", "--port", "0");
            string address = center.StandardOutput.ReadLine()?["center listening at ".Length..]
                ?? throw new InvalidOperationException("the center printed no address");
            for (int i = 0; i < 2; i++)
                Cli(layout, started, ["worker", address, "--nthreads", "1", "--name", $"bench-w{i}", .. nanny ? Array.Empty<string>() : ["--no-nanny"]]);
            WaitForWorkers(address);
            var run = SeedRun.Of(layout, $"tcp://{address}", chunks);
            return run.Seconds;
        }
        finally
        {
            foreach (var process in Enumerable.Reverse(started))
            {
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
                if (!process.WaitForExit(Bound))
                    process.Kill(entireProcessTree: true);
                process.Dispose();
            }
        }
    }

    private static void WaitForWorkers(string address)
    {
        var client = DistributedScheduler.ConnectAsync(address).GetAwaiter().GetResult();
        try
        {
            client.WaitForWorkersAsync(2, Bound).GetAwaiter().GetResult();
        }
        finally
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static Process Cli(RepoLayout layout, List<Process> started, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(layout.CliDll);
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start lazydist {args[0]}");
        process.ErrorDataReceived += (_, _) => { }; // drained, not shown
        process.BeginErrorReadLine();
        started.Add(process);
        return process;
    }
}
