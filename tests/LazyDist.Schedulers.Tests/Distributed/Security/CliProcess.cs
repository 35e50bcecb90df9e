using System.Diagnostics;
using System.Globalization;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>
/// A <c>lazydist</c> process (the CLI built beside these tests), optionally started through a prefix
/// such as <c>ip netns exec NAME</c>; its output lines are kept, and tests wait for a line without sleeping.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly LineWaiters _lines = new();
    private readonly string _name;

    private CliProcess(Process process, string name)
    {
        _process = process;
        _name = name;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The CLI's <c>lazydist.dll</c>, of the configuration these tests were built in.</summary>
    public static string CliDll { get; } = FindCli();

    public int Id => _process.Id;

    public IReadOnlyCollection<string> Lines => _lines.Lines;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>[prefix...] dotnet lazydist.dll arguments...</c>.</summary>
    public static CliProcess Start(string name, IEnumerable<string> arguments, IEnumerable<string>? prefix = null)
    {
        var words = new List<string>(prefix ?? []) { "dotnet", CliDll };
        words.AddRange(arguments);
        var start = new ProcessStartInfo(words[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string word in words.Skip(1))
            start.ArgumentList.Add(word);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {string.Join(' ', words)}");
        TestContext.Progress.WriteLine($"started {name} (pid {process.Id}): {string.Join(' ', words)}");
        return new CliProcess(process, name);
    }

    /// <summary>Completes with the first output line (before or after the call) that <paramref name="match"/> accepts; fails if the process exits first.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _process.WaitForExitAsync().ContinueWith(
            _ => seen.TrySetException(new InvalidOperationException($"{_name} exited with {_process.ExitCode} before printing the line awaited:\n{string.Join('\n', Lines.TakeLast(30))}")),
            TaskScheduler.Default);
        return _lines.WaitForAsync(match, seen);
    }

    /// <summary>Writes one line to the process's standard input.</summary>
    public void SendLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Waits for the process to exit on its own; its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"{_name} did not exit within {bound.TotalSeconds:F0} s:\n{string.Join('\n', Lines.TakeLast(30))}", e);
        }
        _process.WaitForExit(); // the output is read to its end
        return _process.ExitCode;
    }

    /// <summary>The process's resident memory now, from /proc.</summary>
    public long ResidentBytes()
    {
        foreach (string line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"no VmRSS for {_name} (pid {Id})");
    }

    /// <summary>Ends the process (and what it started) by its id.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
            return;
        TestContext.Progress.WriteLine($"{_name}: {line}");
        _lines.Add(line);
    }

    private static string FindCli()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name, configuration = output.Parent!.Name;
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LazyDist.sln")))
            {
                string dll = Path.Combine(dir.FullName, "src", "Cli", "bin", configuration, framework, "lazydist.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"no {dll}: build the CLI (dotnet build -c {configuration})", dll);
            }
        }
        throw new DirectoryNotFoundException($"no LazyDist.sln above {output.FullName}");
    }
}
