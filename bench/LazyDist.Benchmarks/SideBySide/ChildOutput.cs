namespace LazyDist.Benchmarks.SideBySide;

/// <summary>What a child process printed, how it exited, and how long it ran (wall clock).</summary>
internal sealed record ChildOutput(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>The last non-empty line of standard output.</summary>
    public string LastLine => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    /// <summary>This output, or an exception naming the command and its stderr when it failed.</summary>
    /// <exception cref="InvalidOperationException">The exit code is not 0.</exception>
    public ChildOutput EnsureSuccess(string what) => ExitCode == 0
        ? this
        : throw new InvalidOperationException($"{what} exited with {ExitCode}: {Stderr.Trim()}");
}
