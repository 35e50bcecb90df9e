using System.Diagnostics;
using System.Globalization;
using LazyDist.Benchmarks.Graphs;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// <c>tiny-tasks [--tasks 20000] [--repeat 5] [--only processes:2,in-process]</c>: the per-task cost of a cluster and where it goes.
/// <see cref="BuiltInTaskGraphs.FanIn"/> (N tiny built-in tasks and a fan-in sum) on a warm
/// <see cref="LocalCluster"/> of two one-thread worker processes (<c>processes:2</c>) and on a
/// center with two one-thread workers in this process (<c>in-process</c>). Per task, medians of the
/// repeats: the whole compute, the client's preparation (cull, validate, order, serialize), the
/// center's own time (handling events and carrying out their instructions), and the workers' time
/// running the tasks (their reported start and stop); the rest is the wire, the hosts and waiting.
/// Also the CPU time of all the processes per task, which a loaded machine does not inflate. The
/// repeats start once a warm-up run compiles next to no methods (the steady state; the fields
/// <c>warmups</c> and <c>jit_methods_*</c> say how many it took and how quiet it was).
/// With <c>--allocations</c>, the types this process allocates, sampled over the measured repeats.
/// </summary>
internal static class TinyTaskCommand
{
    public const string Name = "tiny-tasks";
    private const double TargetMicroseconds = 15;
    private const int MinWarmups = 3, MaxWarmups = 40, QuietJitMethods = 20;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter log)
    {
        int tasks = Option(args, "--tasks", 20_000);
        int repeat = Option(args, "--repeat", 5);
        string only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() ?? "processes:2,in-process";
        using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
        output.WriteLine($"what=machine {LoadAverage.Field()}");
        if (only.Contains("processes:2", StringComparison.Ordinal))
            MeasureProcesses(tasks, repeat, output, log, sampler);
        if (only.Contains("in-process", StringComparison.Ordinal))
            MeasureInProcess(tasks, repeat, output, log, sampler);
        output.WriteLine($"what=machine-after {LoadAverage.Field()}");
        return 0;
    }

    private static void MeasureProcesses(int tasks, int repeat, TextWriter output, TextWriter log, AllocationSampler? sampler)
    {
        log.WriteLine("# tiny-tasks: processes:2");
        var cluster = LocalCluster.StartAsync(2, 1).GetAwaiter().GetResult();
        try
        {
            Measure("processes:2", cluster.Client, cluster.Center, cluster.WorkerProcessIds, tasks, repeat, output, log, sampler);
        }
        finally
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void MeasureInProcess(int tasks, int repeat, TextWriter output, TextWriter log, AllocationSampler? sampler)
    {
        log.WriteLine("# tiny-tasks: in-process");
        var center = CenterHost.StartAsync(new CenterOptions { Port = 0 }).GetAwaiter().GetResult();
        var workers = Enumerable.Range(0, 2).Select(i => WorkerHost.StartAsync(new WorkerOptions { CenterAddress = center.Address, Threads = 1, Name = $"in-process-{i}" }).GetAwaiter().GetResult()).ToList();
        center.WaitForWorkersAsync(2, CancellationToken.None).GetAwaiter().GetResult();
        var client = DistributedScheduler.ConnectAsync(center.Address).GetAwaiter().GetResult();
        try
        {
            Measure("in-process", client, center, [], tasks, repeat, output, log, sampler);
        }
        finally
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
            foreach (var worker in workers)
                worker.DisposeAsync().AsTask().GetAwaiter().GetResult();
            center.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Measure(string scheduler, DistributedScheduler client, CenterHost center, IReadOnlyList<int> workerProcesses, int tasks, int repeat, TextWriter output, TextWriter log, AllocationSampler? sampler)
    {
        var graph = BuiltInTaskGraphs.FanIn(tasks);
        long expected = BuiltInTaskGraphs.FanInTotal(tasks);
        var total = new List<double>();
        var prepare = new List<double>();
        var centerOwn = new List<double>();
        var run = new List<double>();
        var cpu = new List<double>();
        var cpuHere = new List<double>();
        var allocated = new List<double>();
        // Warm up until the JIT is quiet (the runtime's compiled-method count barely moves over a run): this process's
        // tiered compilation re-compiles the client's and the center's code for several runs, and a run that pays for
        // it measures the JIT, not the per-task cost. Worker processes run with tiered compilation off.
        int warmups = 0;
        long compiledInLastWarmup;
        do
        {
            long compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            Check(client.ComputeAsync(graph, [TinyTaskGraphs.Total]).AsTask().GetAwaiter().GetResult()[0]);
            compiledInLastWarmup = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
            warmups++;
        }
        while (warmups < MinWarmups || (compiledInLastWarmup > QuietJitMethods && warmups < MaxWarmups));
        long compiledBeforeMeasuring = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (int r = 0; r < repeat; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var busyBefore = center.BusyTime;
            var ranBefore = RunTime(center);
            double cpuBefore = CpuSeconds(workerProcesses);
            double cpuHereBefore = CpuSeconds([]);
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            if (sampler is not null)
                sampler.Counting = true;
            var clock = Stopwatch.StartNew();
            long result = (long)client.ComputeAsync(graph, [TinyTaskGraphs.Total]).AsTask().GetAwaiter().GetResult()[0]!;
            double seconds = clock.Elapsed.TotalSeconds;
            double cpuSeconds = CpuSeconds(workerProcesses) - cpuBefore;
            double cpuHereSeconds = CpuSeconds([]) - cpuHereBefore;
            long allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (sampler is not null)
                sampler.Counting = false;
            Check(result);
            total.Add(seconds);
            cpu.Add(cpuSeconds);
            cpuHere.Add(cpuHereSeconds);
            allocated.Add(allocatedBytes);
            centerOwn.Add((center.BusyTime - busyBefore).TotalSeconds);
            run.Add((RunTime(center) - ranBefore).TotalSeconds);
            prepare.Add(ClientPreparation.Seconds(graph, TinyTaskGraphs.Total));
            log.WriteLine($"# tiny-tasks {scheduler} {r + 1}/{repeat}: {seconds:F3} s");
        }
        long compiledWhileMeasuring = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBeforeMeasuring;
        double us = PerTask(Fields.Median(total), tasks);
        if (sampler is not null)
        {
            sampler.Report(log, (long)repeat * (tasks + 1));
            sampler.Reset();
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=tiny-tasks scheduler={scheduler} tasks={tasks} repeats={repeat} median_us_per_task={Fields.F(us)} target<={Fields.F(TargetMicroseconds, 0)} " +
            $"ok={(us <= TargetMicroseconds ? "true" : "false")} client_prepare_us={Fields.F(PerTask(Fields.Median(prepare), tasks))} " +
            $"center_us={Fields.F(PerTask(Fields.Median(centerOwn), tasks))} worker_run_us={Fields.F(PerTask(Fields.Median(run), tasks))} " +
            $"cpu_us_all_processes={Fields.F(PerTask(Fields.Median(cpu), tasks))} cpu_us_client_process={Fields.F(PerTask(Fields.Median(cpuHere), tasks))} " +
            $"allocated_bytes_per_task_client_process={Fields.F(Fields.Median(allocated) / (tasks + 1), 0)} " +
            $"warmups={warmups} jit_methods_last_warmup={compiledInLastWarmup} jit_methods_measured={compiledWhileMeasuring} seconds={Fields.List(total, 4)}"));

        void Check(object? result)
        {
            if (!Equals(result, expected))
                throw new InvalidOperationException($"the fan-in of {tasks} tasks gave {result}, not {expected}");
        }
    }

    /// <summary>CPU seconds used by this process and the given worker processes so far (on a loaded machine, what the work itself cost).</summary>
    internal static double CpuSeconds(IReadOnlyList<int> workerProcesses)
    {
        double seconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        foreach (int pid in workerProcesses)
        {
            // /proc/PID/stat: utime and stime are fields 14 and 15, in clock ticks of 1/100 s.
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            seconds += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        return seconds;
    }

    /// <summary>The time workers reported running tasks, in all.</summary>
    private static TimeSpan RunTime(CenterHost center)
    {
        var ran = TimeSpan.Zero;
        center.WaitForAsync(s =>
        {
            ran = s.Prefixes.Values.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration);
            return true;
        }, CancellationToken.None).GetAwaiter().GetResult();
        return ran;
    }

    private static double PerTask(double seconds, int tasks) => seconds * 1e6 / (tasks + 1);

    /// <summary>An integer option's value, or <paramref name="fallback"/> when it is not given.</summary>
    internal static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        for (int i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
                return int.Parse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        return fallback;
    }
}
