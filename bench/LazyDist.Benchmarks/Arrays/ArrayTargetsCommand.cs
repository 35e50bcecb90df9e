using System.Diagnostics;
using System.Globalization;
using LazyDist.Benchmarks.SideBySide;
using LazyDist.Collections;
using LazyDist.Schedulers;

namespace LazyDist.Benchmarks.Arrays;

/// <summary>
/// <c>array-targets [--repeat N] [--n N] [--only where,exp,sin,cumsum] [--no-dask]</c>: issue 10's array targets beside dask.array
/// (<c>bench/peers/dask_array.py</c>, Debian's <c>/usr/bin/python3</c>) on the same expressions over
/// N uniform doubles (default 10⁹) in chunks of 10⁶, both on the threaded scheduler on every core:
/// <c>Where(x &gt; 0.5, x * 2, x).Sum()</c>, <c>Exp(x).Sum()</c>, <c>Sin(x).Sum()</c>, <c>CumSum(x).Sum()</c>.
/// LazyDist runs in this process after one warm-up at N/100; the runs take turns with dask's.
/// One <c>key=value</c> line per workload: medians of wall and CPU seconds (all threads of the
/// process, so a fair figure on a loaded machine), GB/s or elements/s per core by wall time and per
/// CPU second, the ratios lazydist/dask of both (target ≤ 0.2), the peak resident set of each side
/// during the workload, and the load average.
/// </summary>
internal static class ArrayTargetsCommand
{
    public const string Name = "array-targets";

    private const string Python = "/usr/bin/python3";
    private const int ChunkSize = 1_000_000;

    private static readonly (string Name, Func<DistArray<double>, Delayed<double>> Expression, string Unit, double Target)[] Workloads =
    [
        ("where", x => DistArray.Where(x > 0.5, x * 2.0, x).Sum(), "gb_s", 2.0),
        ("exp", x => x.Exp().Sum(), "g_elements_s", 1.0),
        ("sin", x => x.Sin().Sum(), "g_elements_s", 1.0),
        ("cumsum", x => x.CumSum().Sum(), "gb_s", 1.0),
    ];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter log)
    {
        int repeat = 3;
        long n = 1_000_000_000L;
        bool dask = true;
        var only = Workloads.Select(w => w.Name).ToHashSet();
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--repeat" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out repeat) && repeat > 0:
                    i++;
                    break;
                case "--n" when i + 1 < args.Count && long.TryParse(args[i + 1], CultureInfo.InvariantCulture, out n) && n >= ChunkSize:
                    i++;
                    break;
                case "--only" when i + 1 < args.Count && args[i + 1].Split(',').All(only.Contains):
                    only = [.. args[++i].Split(',')];
                    break;
                case "--no-dask":
                    dask = false;
                    break;
                default:
                    log.WriteLine($"array-targets: unexpected argument '{args[i]}' (usage: array-targets [--repeat N >= 1] [--n N >= {ChunkSize}] [--only {string.Join(',', Workloads.Select(w => w.Name))}] [--no-dask])");
                    return 2;
            }
        }
        string script = Path.Combine(RepoLayout.Find().Root, "bench", "peers", "dask_array.py");
        if (dask && !(File.Exists(script) && File.Exists(Python) && ChildProcess.Run(Python, "-c", "import dask.array").ExitCode == 0))
        {
            output.WriteLine($"what=dask-skipped reason=\"no {script} or {Python} cannot import dask.array\"");
            dask = false;
        }
        int cores = Environment.ProcessorCount;
        output.WriteLine($"what=machine cores={cores} repeats={repeat} n={n} {LoadAverage.Field()}");
        var threads = new ThreadedScheduler();
        foreach (var (name, expression, unit, target) in Workloads.Where(w => only.Contains(w.Name)))
        {
            expression(DistArray.Random(n / 100, ChunkSize, 7)).Compute(threads);
            ProcessMemory.ResetPeak();
            var ours = new List<double>();
            var oursCpu = new List<double>();
            var theirs = new List<double>();
            var theirsCpu = new List<double>();
            double total = 0, daskRss = 0;
            string daskTotal = "";
            for (int r = 0; r < repeat; r++)
            {
                log.WriteLine($"# array {name} run {r + 1}");
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                total = expression(DistArray.Random(n, ChunkSize, 7)).Compute(threads);
                ours.Add(clock.Elapsed.TotalSeconds);
                oursCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                if (dask)
                {
                    var line = ChildProcess.Run(Python, script, name, n.ToString(CultureInfo.InvariantCulture), ChunkSize.ToString(CultureInfo.InvariantCulture)).EnsureSuccess($"dask_array.py {name}").LastLine;
                    string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    theirs.Add(double.Parse(fields[2], CultureInfo.InvariantCulture));
                    daskTotal = fields[3];
                    theirsCpu.Add(double.Parse(fields[4], CultureInfo.InvariantCulture));
                    daskRss = Math.Max(daskRss, double.Parse(fields[5], CultureInfo.InvariantCulture));
                    log.WriteLine($"# dask: {line}");
                }
            }
            double seconds = Fields.Median(ours), cpuSeconds = Fields.Median(oursCpu);
            double amount = unit == "gb_s" ? n * 8.0 : n;
            double perCore = amount / seconds / cores / 1e9, perCpu = amount / cpuSeconds / 1e9;
            var text = $"what=array-{name} n={n} lazydist_s={Fields.F(seconds)} runs={Fields.List(ours)} lazydist_cpu_s={Fields.F(cpuSeconds)} cpu_runs={Fields.List(oursCpu)} " +
                $"{unit}_per_core={Fields.F(perCore, 2)} {unit}_per_cpu_s={Fields.F(perCpu, 2)} target={Fields.F(target, 1)} ok={perCore >= target} ok_by_cpu={perCpu >= target} " +
                $"peak_rss_mb={Fields.F(ProcessMemory.PeakMegabytes(), 0)}";
            if (theirs.Count > 0)
            {
                double ratio = seconds / Fields.Median(theirs), cpuRatio = cpuSeconds / Fields.Median(theirsCpu);
                text += $" dask_s={Fields.F(Fields.Median(theirs))} dask_runs={Fields.List(theirs)} dask_cpu_s={Fields.F(Fields.Median(theirsCpu))} ratio={Fields.F(ratio)} ratio_ok={ratio <= 0.2} " +
                    $"cpu_ratio={Fields.F(cpuRatio)} cpu_ratio_ok={cpuRatio <= 0.2} dask_peak_rss_mb={Fields.F(daskRss, 0)} dask_result={daskTotal}";
            }
            output.WriteLine($"{text} result={total.ToString("R", CultureInfo.InvariantCulture)} {LoadAverage.Field()}");
        }
        return 0;
    }
}
