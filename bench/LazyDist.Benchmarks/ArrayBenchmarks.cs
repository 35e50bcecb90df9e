using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LazyDist.Collections;
using LazyDist.Schedulers;

namespace LazyDist.Benchmarks;

/// <summary>
/// The array targets of issue 3, with graph optimization (blockwise fusion) on and off:
/// the seed (1000 × 1,000,000 uniform doubles, summed); <c>Sum(axis: 0)</c> of a 20,000 × 20,000
/// random array (3.2 GB if it were materialized; the peak working set is printed at cleanup);
/// and a 1-D chain of five elementwise operations over 10⁹ elements, summed.
/// Run: <c>dotnet run -c Release --project bench/LazyDist.Benchmarks -- --filter '*ArrayBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ArrayBenchmarks
{
    private readonly ThreadedScheduler _threads = new();

    /// <summary>Whether blockwise and linear fusion run before the graph is scheduled.</summary>
    [Params(true, false)]
    public bool Optimize { get; set; }

    /// <summary>The seed on all cores: 8 GB of random doubles generated and summed.</summary>
    [Benchmark]
    public double Seed() => DistArray.Random(1_000_000L * 1000, 1_000_000, 42).Sum().Compute(_threads, Optimize);

    /// <summary>Column sums of a 20,000 × 20,000 random array in 2,000 × 2,000 blocks.</summary>
    [Benchmark]
    public double[] SumAxis0() => DistArray.Random([20_000, 20_000], 2_000, 42).Sum(axis: 0).Compute(_threads, Optimize);

    /// <summary>Five elementwise operations over 10⁹ random doubles (8 GB of array data), then the sum.</summary>
    [Benchmark]
    public double Chain5() =>
        ((DistArray.Random(1_000_000_000L, 1_000_000, 7) * 2.0 + 1.0).Sqrt() - 0.5).Abs().Sum().Compute(_threads, Optimize);

    /// <summary>Prints the process's peak working set (one benchmark case per process).</summary>
    [GlobalCleanup]
    public void ReportPeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// peak working set: {process.PeakWorkingSet64 >> 20} MB (optimize={Optimize})");
    }
}
