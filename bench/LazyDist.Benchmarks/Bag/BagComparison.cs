using System.Globalization;
using LazyDist.Benchmarks.SideBySide;

namespace LazyDist.Benchmarks.Bag;

/// <summary>
/// The <c>bag-*</c> parts of <c>side-by-side</c>: the workloads of <c>shared/peers/dask_bag.py</c> on its corpus
/// (made with its <c>gen</c> under the temp directory when missing), LazyDist in fresh <c>bag-run</c> processes
/// (the first run cold, then warm runs), dask.bag beside it, and for the word count the naive PLINQ query and
/// a hand-written per-file Dictionary count in the same rotation. <c>bag-rss</c> counts words in the corpus's
/// text copied 20 times (920 MB) and reports the peak RSS. One <c>key=value</c> line per measurement, medians, with the load average.
/// </summary>
internal static class BagComparison
{
    public static readonly string[] Parts = ["bag-wordcount", "bag-groupby", "bag-join", "bag-distinct", "bag-rss"];

    private const string Python = "/usr/bin/python3";

    public static void Run(RepoLayout layout, SideBySideOptions options, TextWriter output, TextWriter log)
    {
        string script = Path.Combine(layout.Shared, "peers", "dask_bag.py");
        bool dask = options.Dask && File.Exists(script) && File.Exists(Python) && ChildProcess.Run(Python, "-c", "import dask.bag").ExitCode == 0;
        string corpus = Corpus(script, "lazydist-bag-corpus", 8, log);
        foreach (var workload in BagWorkloads.Names)
        {
            if (!options.Runs($"bag-{workload}"))
                continue;
            foreach (var mode in new[] { "threads", "processes:2" })
            {
                var flows = new List<string> { workload };
                if (workload == "wordcount" && mode == "threads")
                    flows.AddRange(["plinq", "handwritten"]);
                var warm = flows.ToDictionary(f => f, _ => new List<double>());
                var cold = flows.ToDictionary(f => f, _ => new List<double>());
                var rss = flows.ToDictionary(f => f, _ => new List<double>());
                var daskRuns = new List<double>();
                string result = "";
                for (int r = 0; r < options.Repeat; r++)
                {
                    foreach (var flow in flows.Skip(r % flows.Count).Concat(flows.Take(r % flows.Count)))
                    {
                        log.WriteLine($"# bag {flow} {mode} run {r + 1}");
                        var lines = BagRun(flow, corpus, mode, 3);
                        cold[flow].Add(Seconds(lines[0]));
                        warm[flow].AddRange(lines.Skip(1).Select(Seconds));
                        rss[flow].Add(Fields.Number(lines[^1], "peak_rss_mb"));
                        result = flow == workload ? Result(lines[^1]) : result;
                    }
                    if (dask)
                    {
                        var line = ChildProcess.Run(Python, script, workload, corpus, mode == "threads" ? "threads" : "dist").EnsureSuccess($"dask_bag.py {workload}").LastLine;
                        daskRuns.Add(double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture));
                        log.WriteLine($"# dask: {line}");
                    }
                }
                double ours = Fields.Median(warm[workload]);
                var text = $"what=bag-{workload} mode={mode} lazydist_s={Fields.F(ours)} lazydist_cold_s={Fields.F(Fields.Median(cold[workload]))} runs={Fields.List(warm[workload])} peak_rss_mb={Fields.F(Fields.Median(rss[workload]), 0)}";
                if (daskRuns.Count > 0)
                    text += $" dask_s={Fields.F(Fields.Median(daskRuns))} ratio={Fields.F(ours / Fields.Median(daskRuns))}";
                foreach (var baseline in flows.Skip(1))
                    text += $" {baseline}_s={Fields.F(Fields.Median(warm[baseline]))} ratio_{baseline}={Fields.F(ours / Fields.Median(warm[baseline]))}";
                output.WriteLine($"{text} result=\"{result}\" {LoadAverage.Field()}");
            }
        }
        if (options.Runs("bag-rss"))
        {
            string large = Scaled(corpus, "lazydist-bag-corpus-160", 20, log);
            var lines = BagRun("wordcount", large, "threads", 1);
            output.WriteLine($"what=bag-rss corpus_files=160 lazydist_s={Fields.F(Seconds(lines[0]))} peak_rss_mb={Fields.F(Fields.Number(lines[0], "peak_rss_mb"), 0)} result=\"{Result(lines[0])}\" {LoadAverage.Field()}");
        }
    }

    private static List<string> BagRun(string workload, string corpus, string mode, int repeat)
    {
        string self = typeof(BagComparison).Assembly.Location;
        var output = ChildProcess.Run("dotnet", self, BagRunCommand.Name, workload, corpus, mode, repeat.ToString(CultureInfo.InvariantCulture)).EnsureSuccess($"bag-run {workload} {mode}");
        return [.. output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith(workload + " ", StringComparison.Ordinal))];
    }

    private static double Seconds(string line) => double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture);

    private static string Result(string line) => string.Join(' ', line.Split(' ').Skip(3).Where(f => !f.StartsWith("peak_rss_mb=", StringComparison.Ordinal)));

    /// <summary>The corpus's text files <paramref name="times"/> over (`gen DIR 160` takes longer than a child may run here): the same words, 20× the bytes.</summary>
    private static string Scaled(string corpus, string name, int times, TextWriter log)
    {
        string text = Path.Combine(Path.GetTempPath(), name, "text");
        var sources = Directory.GetFiles(Path.Combine(corpus, "text"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        if (Directory.Exists(text) && Directory.GetFiles(text, "*.txt").Length == sources.Length * times)
            return Path.GetDirectoryName(text)!;
        log.WriteLine($"# making {text}: the corpus's text {times} times");
        Directory.CreateDirectory(text);
        for (int t = 0; t < times; t++)
        {
            for (int f = 0; f < sources.Length; f++)
                File.Copy(sources[f], Path.Combine(text, $"part-{t * sources.Length + f:D3}.txt"), overwrite: true);
        }
        return Path.GetDirectoryName(text)!;
    }

    private static string Corpus(string script, string name, int files, TextWriter log)
    {
        string root = Path.Combine(Path.GetTempPath(), name);
        if (!File.Exists(Path.Combine(root, "users.csv")))
        {
            log.WriteLine($"# making the corpus {root} ({files} files)");
            ChildProcess.Run(Python, script, "gen", root, files.ToString(CultureInfo.InvariantCulture)).EnsureSuccess("dask_bag.py gen");
        }
        return root;
    }
}
