using BenchmarkDotNet.Running;
using LazyDist.Benchmarks.SideBySide;

namespace LazyDist.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suites (<c>dotnet run -c Release --project bench/LazyDist.Benchmarks -- --filter '*' --job short</c>),
/// or, given <c>side-by-side [--repeat N] [--no-build] [--only PARTS] [--no-dask]</c> first, the comparison with the Python dask peer.
/// <c>million-tasks</c> is the child process that the side-by-side spawns for the million-task graph;
/// <c>tiny-tasks</c> measures a cluster's per-task cost and where it goes; <c>memory</c> measures spilling and the cost of memory limits;
/// <c>array-targets</c> runs the array targets beside dask.array; <c>work-stealing</c> runs a skewed-duration graph with stealing on and off.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case SideBySideCommand.Name:
                return SideBySideCommand.Run(args[1..], Console.Out, Console.Error);
            case Bag.BagRunCommand.Name:
                return Bag.BagRunCommand.Run(args[1..], Console.Out);
            case MillionTaskCommand.Name:
                return MillionTaskCommand.Run(args[1..], Console.Out);
            case CenterCostCommand.Name:
                return CenterCostCommand.Run(args[1..], Console.Out);
            case Memory.MemoryCommand.Name:
                return Memory.MemoryCommand.Run(args[1..], Console.Out);
            case Arrays.ArrayTargetsCommand.Name:
                return Arrays.ArrayTargetsCommand.Run(args[1..], Console.Out, Console.Error);
            case TinyTaskCommand.Name:
                return TinyTaskCommand.Run(args[1..], Console.Out, Console.Error);
            case Dashboard.DashboardTargetsCommand.Name:
                return Dashboard.DashboardTargetsCommand.Run(args[1..], Console.Out, Console.Error);
            case NannyOverheadCommand.Name:
                return NannyOverheadCommand.Run(args[1..], Console.Out, Console.Error);
            case WorkStealingCommand.Name:
                return WorkStealingCommand.Run(args[1..], Console.Out, Console.Error);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
