using System.Diagnostics;
using System.Globalization;
using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// <c>center-cost [--tasks 20000] [--repeat 5]</c>: the center's own cost per task, without I/O:
/// a <see cref="SchedulerState"/> fed the events of N tiny root tasks and a fan-in on two workers
/// that finish every task at once (the submit, a finish per task, the client's release), and the
/// same with the host's message work (each instruction turned into its wire message and
/// serialized, as <c>CenterHost</c> and its connections do). Minimum and median of the repeats, per task.
/// </summary>
internal static class CenterCostCommand
{
    public const string Name = "center-cost";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        int tasks = args.Count > 1 && args[0] == "--tasks" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var wall = new List<double>();
        var cpu = new List<double>();
        for (int r = -2; r < 7; r++)
        {
            var (seconds, cpuSeconds) = Once(tasks);
            if (r < 0)
                continue;
            wall.Add(seconds);
            cpu.Add(cpuSeconds);
        }
        // CPU time too: on a loaded machine the wall clock also counts the time others had the cores.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"what=center-cost tasks={tasks} state_only_min_us_per_task={Fields.F(wall.Min() * 1e6 / tasks)} state_only_median_us_per_task={Fields.F(Fields.Median(wall) * 1e6 / tasks)} " +
            $"state_only_median_cpu_us_per_task={Fields.F(Fields.Median(cpu) * 1e6 / tasks)} {LoadAverage.Field()}"));
        return 0;
    }

    private static (double Wall, double Cpu) Once(int tasks)
    {
        var center = new SchedulerState(new SchedulerOptions());
        int stimulus = 0;
        center.Handle(new WorkerJoinedEvent(1, "w1", "w1:1", 1, $"s{stimulus++}"));
        center.Handle(new WorkerJoinedEvent(2, "w2", "w2:1", 1, $"s{stimulus++}"));
        var node = new byte[24];
        var specs = new TaskSpec[tasks + 1];
        var keys = new TaskKey[tasks];
        for (int i = 0; i < tasks; i++)
        {
            keys[i] = new TaskKey("inc", i);
            specs[i] = new TaskSpec(keys[i], [], node, i);
        }
        specs[tasks] = new TaskSpec("total", keys, node, tasks);
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var pending = new Queue<ComputeTaskInstruction>();
        Collect(center.Handle(new GraphSubmittedEvent(7, specs, new TaskKey[] { "total" }, $"s{stimulus++}")), pending);
        double submitted = clock.Elapsed.TotalSeconds;
        var started = DateTimeOffset.UnixEpoch;
        while (pending.TryDequeue(out var compute))
        {
            var run = new TaskRun(compute.Key, 8, 0, started, started);
            Collect(center.Handle(new TaskFinishedEvent(compute.WorkerId, run, 0, 1, $"s{stimulus++}")), pending);
        }
        double finished = clock.Elapsed.TotalSeconds;
        center.Handle(new KeysReleasedEvent(7, new TaskKey[] { "total" }, $"s{stimulus++}"));
        double seconds = clock.Elapsed.TotalSeconds;
        if (Environment.GetEnvironmentVariable("LAZYDIST_CENTER_COST_PHASES") is not null)
            Console.Error.WriteLine($"submit {submitted * 1e6 / tasks:F2} finish {(finished - submitted) * 1e6 / tasks:F2} release {(seconds - finished) * 1e6 / tasks:F2} us/task; gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms");
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        if (center.Tasks.Count != 0)
            throw new InvalidOperationException("the center kept tasks");
        return (seconds, cpuSeconds);
    }

    private static void Collect(IReadOnlyList<SchedulerInstruction> instructions, Queue<ComputeTaskInstruction> pending)
    {
        foreach (var instruction in instructions)
        {
            if (instruction is ComputeTaskInstruction compute)
                pending.Enqueue(compute);
        }
    }
}
