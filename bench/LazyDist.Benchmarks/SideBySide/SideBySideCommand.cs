namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// <c>side-by-side [--repeat N] [--no-build] [--only PARTS]</c>: builds the CLI (Release) unless told not to, then
/// measures LazyDist against the Python dask peer in one go and prints one <c>key=value</c> line
/// per measurement (medians of N runs) and per ratio (lazydist/dask). Progress goes to stderr.
/// When dask cannot be run, says so in a <c>what=dask-skipped</c> line and measures LazyDist alone.
/// </summary>
internal static class SideBySideCommand
{
    public const string Name = "side-by-side";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter log)
    {
        SideBySideOptions options;
        try
        {
            options = SideBySideOptions.Parse(args);
        }
        catch (ArgumentException usage)
        {
            log.WriteLine(usage.Message);
            return 2;
        }

        var layout = RepoLayout.Find();
        if (options.Build)
        {
            log.WriteLine($"# building {layout.CliProject} (Release)");
            ChildProcess.Run("dotnet", "build", layout.CliProject, "-c", "Release", "--nologo", "-v", "q").EnsureSuccess("dotnet build of the CLI");
        }
        if (!File.Exists(layout.CliDll))
            throw new InvalidOperationException($"no {layout.CliDll}: build the CLI (dotnet build -c Release) or drop --no-build");

        string reason = "--no-dask";
        var dask = options.Dask ? DaskPeer.TryCreate(layout, out reason) : null;
        if (dask is null)
            output.WriteLine($"what=dask-skipped reason=\"{reason}\"");
        output.WriteLine($"what=machine cores={Environment.ProcessorCount} repeats={options.Repeat} root={layout.Root} {LoadAverage.Field()}");

        if (options.Runs("seed"))
            SeedComparison.Run(layout, dask, options.Repeat, output, log);
        if (options.Runs("overhead"))
            OverheadComparison.Run(dask, options.Repeat, output, log);
        if (options.Runs("million"))
            MillionTaskComparison.Run(options.Repeat, output, log);
        if (options.Runs("dist-seed"))
            DistributedSeedComparison.Run(layout, dask, options.Repeat, output, log);
        if (options.Runs("overhead-dist"))
            DistributedOverheadComparison.Run(dask, options.Repeat, output, log);
        if (options.Runs("transfer"))
            PeerTransferComparison.Run(options.Repeat, output, log);
        if (options.Runs("pool-seed"))
            PoolSeedComparison.Run(dask, options.Repeat, output, log);
        if (options.Runs("code-shipping"))
            CodeShippingComparison.Run(options.Repeat, output, log);
        if (options.Runs("submit"))
            SubmitComparison.Run(dask, options.Repeat, output, log);
        if (Bag.BagComparison.Parts.Any(options.Runs))
            Bag.BagComparison.Run(layout, options, output, log);
        output.WriteLine($"what=machine-after {LoadAverage.Field()}");
        return 0;
    }
}
