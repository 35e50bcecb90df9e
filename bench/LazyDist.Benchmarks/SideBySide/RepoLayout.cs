namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// Where things are: the repository root (the directory holding <c>LazyDist.sln</c>, found upward
/// from this program's directory or the current one), the shared directory next to it
/// (<c>ROOT/../shared</c>), the CLI's Release build and the dask peer script.
/// </summary>
internal sealed class RepoLayout
{
    private RepoLayout(string root) => Root = root;

    public string Root { get; }

    public string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public string DaskScript => Path.Combine(Shared, "peers", "dask_seed.py");

    public string CliProject => Path.Combine(Root, "src", "Cli", "LazyDist.Cli.csproj");

    public string CliDll => Path.Combine(Root, "src", "Cli", "bin", "Release", "net10.0", "lazydist.dll");

    /// <summary>This program's own assembly, to run it again as a child process.</summary>
    public static string SelfDll => typeof(RepoLayout).Assembly.Location;

    /// <exception cref="InvalidOperationException">No directory above holds LazyDist.sln.</exception>
    public static RepoLayout Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LazyDist.sln")))
                    return new RepoLayout(dir.FullName);
            }
        }
        throw new InvalidOperationException("cannot find the repository root (a directory holding LazyDist.sln)");
    }
}
