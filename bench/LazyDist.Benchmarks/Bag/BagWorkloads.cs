using System.Globalization;
using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.Bag;

/// <summary>An events row of the dask_bag.py corpus: <c>user,amount</c>.</summary>
public record Event(int User, double Amount);

/// <summary>A users row: <c>user,country</c>.</summary>
public record UserCountry(int User, string Country);

/// <summary>
/// The workloads of <c>shared/peers/dask_bag.py</c> on its corpus, as a LazyDist user writes them (the
/// README's query syntax), and the two plain .NET baselines of the word count. Each returns a short
/// result text, the same as the dask peer's, so the runs can be checked against each other.
/// </summary>
internal static class BagWorkloads
{
    public static readonly string[] Names = ["wordcount", "groupby", "join", "distinct"];

    public static string Run(string workload, string root, IScheduler scheduler) => workload switch
    {
        "wordcount" => WordCount(root, scheduler),
        "groupby" => GroupBySum(root, scheduler),
        "join" => JoinSum(root, scheduler),
        "distinct" => Distinct(root, scheduler),
        _ => throw new ArgumentException($"unknown workload {workload}"),
    };

    private static string Text(string root) => Path.Combine(root, "text", "*.txt");

    /// <summary>The README's word count: query syntax with the user's own <c>line.Split(' ')</c>.</summary>
    public static string WordCount(string root, IScheduler scheduler)
    {
        var counts = (from line in DistBag.ReadLines(Text(root))
                      from word in line.Split(' ')
                      select word).CountBy(word => word);
        return Describe(counts.Compute(scheduler).Select(p => (p.Key, (long)p.Value)));
    }

    public static string GroupBySum(string root, IScheduler scheduler)
    {
        var sums = DistBag.ReadCsv<Event>(Path.Combine(root, "events", "*.csv"), hasHeader: false)
            .AggregateBy(e => e.User, 0.0, (sum, e) => sum + e.Amount, (a, b) => a + b)
            .Compute(scheduler);
        return string.Create(CultureInfo.InvariantCulture, $"groups={sums.Count} total={sums.Sum(p => p.Value):F2}");
    }

    public static string JoinSum(string root, IScheduler scheduler)
    {
        var events = DistBag.ReadCsv<Event>(Path.Combine(root, "events", "*.csv"), hasHeader: false);
        var users = DistBag.ReadCsv<UserCountry>(Path.Combine(root, "users.csv"), hasHeader: false);
        var perCountry = (from e in events
                          join u in users on e.User equals u.User
                          select (u.Country, e.Amount))
            .AggregateBy(p => p.Country, 0.0, (sum, p) => sum + p.Amount, (a, b) => a + b)
            .Compute(scheduler);
        return string.Create(CultureInfo.InvariantCulture, $"groups={perCountry.Count} max={perCountry.Max(p => p.Value):F2}");
    }

    public static string Distinct(string root, IScheduler scheduler)
    {
        var words = from line in DistBag.ReadLines(Text(root)) from word in line.Split(' ') select word;
        return string.Create(CultureInfo.InvariantCulture, $"distinct={words.Distinct().Count().Compute(scheduler)}");
    }

    /// <summary>
    /// 10 M <c>(long, long)</c> pairs in 64 partitions grouped by key into 64 partitions (single-stage:
    /// 64 × 64 buckets). On a cluster the result adds the bytes workers fetched from each other and what
    /// the client gathered, against the pairs' own 16 bytes each: a ratio ≤ 1 means no pair crossed twice.
    /// </summary>
    public static string Shuffle(IScheduler scheduler, LazyDist.Distributed.LocalCluster? cluster)
    {
        const int Pairs = 10_000_000, Partitions = 64;
        var counted = DistBag.Range(0, Pairs, Partitions)
            .Select(i => (i * 7919L % 100_003, (long)i))
            .GroupBy(p => p.Item1)
            .Select(g => (long)g.Count())
            .Sum();
        var before = cluster?.Client.GetStatisticsAsync().GetAwaiter().GetResult();
        long gatheredBefore = cluster?.Client.GatheredBytes ?? 0;
        long total = counted.Compute(scheduler);
        string result = string.Create(CultureInfo.InvariantCulture, $"pairs={total}");
        if (cluster is null || before is null)
            return result;
        var after = cluster.Client.GetStatisticsAsync().GetAwaiter().GetResult();
        double moved = after.TransferredBytes - before.TransferredBytes, pairBytes = 16.0 * Pairs;
        return string.Create(CultureInfo.InvariantCulture,
            $"{result} worker_to_worker_mb={moved / 1e6:F1} pair_mb={pairBytes / 1e6:F1} moved_per_pair_byte={moved / pairBytes:F3} client_gathered_bytes={cluster.Client.GatheredBytes - gatheredBefore}");
    }

    /// <summary>The naive PLINQ query: <c>files.AsParallel().SelectMany(File.ReadLines).SelectMany(split).GroupBy(w => w)</c>.</summary>
    public static string NaivePlinq(string root)
    {
        var files = Directory.GetFiles(Path.Combine(root, "text"), "*.txt").Order(StringComparer.Ordinal);
        var counts = files.AsParallel().SelectMany(File.ReadLines).SelectMany(l => l.Split(' ')).GroupBy(w => w).Select(g => (g.Key, (long)g.Count())).ToList();
        return Describe(counts);
    }

    /// <summary>A hand-written count: one <c>Dictionary</c> per file on all cores, merged.</summary>
    public static string HandWritten(string root)
    {
        var files = Directory.GetFiles(Path.Combine(root, "text"), "*.txt");
        var partials = new Dictionary<string, long>[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var counts = new Dictionary<string, long>();
            foreach (var line in File.ReadLines(files[i]))
            {
                foreach (var word in line.Split(' '))
                    counts[word] = counts.TryGetValue(word, out long n) ? n + 1 : 1;
            }
            partials[i] = counts;
        });
        var total = new Dictionary<string, long>();
        foreach (var partial in partials)
        {
            foreach (var (word, n) in partial)
                total[word] = total.TryGetValue(word, out long m) ? m + n : n;
        }
        return Describe(total.Select(p => (p.Key, p.Value)));
    }

    private static string Describe(IEnumerable<(string Word, long Count)> counts)
    {
        var list = counts.ToList();
        var top = list.OrderByDescending(p => p.Count).ThenBy(p => p.Word, StringComparer.Ordinal).Take(3);
        return $"distinct={list.Count} top={string.Join(",", top.Select(p => $"{p.Word}:{p.Count}"))}";
    }
}
