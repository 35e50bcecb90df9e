using System.Diagnostics;

namespace LazyDist.Cli.Tests;

/// <summary>Runs <c>lazydist</c> in-process or as the real program, capturing its output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>lazydist</c> in this process, with no <c>LAZYDIST_*</c> variables set.</summary>
    public static CliRun InProcess(params string[] args) => InProcessWith(new Dictionary<string, string>(), args);

    /// <summary>Runs <c>lazydist</c> in this process with <paramref name="environment"/> as its only environment variables.</summary>
    public static CliRun InProcessWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CliApp.Run(args, output, error, name => environment.GetValueOrDefault(name));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>dotnet lazydist.dll</c> (copied beside the tests) and waits for it, bounded.</summary>
    public static Task<CliRun> AsProcessAsync(params string[] args) => AsProcessWithAsync(new Dictionary<string, string>(), args);

    /// <summary>Starts <c>dotnet lazydist.dll</c> with <paramref name="environment"/> added and waits for it, bounded.</summary>
    public static async Task<CliRun> AsProcessWithAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = StartWith(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(170));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliRun(process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>dotnet lazydist.dll</c> with its output and error redirected.</summary>
    public static Process Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    /// <summary>
    /// Starts <c>dotnet lazydist.dll</c> with its output and error redirected, this process's
    /// environment less its <c>LAZYDIST_*</c> variables, plus <paramref name="environment"/>,
    /// and SIGINT handled as from a terminal.
    /// </summary>
    public static Process StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // A test run started in the background of a shell without job control (`cmd &` in a script) ignores SIGINT,
        // and a child inherits that: lazydist, like any Unix program, then keeps ignoring Ctrl+C. `env` resets it to
        // the default before it execs dotnet (same process id), so the Ctrl+C tests do not depend on how the run began.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lazydist.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("LAZYDIST_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Starts <c>dotnet lazydist.dll</c> like <see cref="Start"/>, its stderr read and dropped (a long-running center or worker).</summary>
    public static Process StartDrained(params string[] args)
    {
        var process = Start(args);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Kills each of <paramref name="processes"/> still running, with its children.</summary>
    public static void KillAll(params Process[] processes)
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Sends <paramref name="signal"/> (<c>INT</c>, as Ctrl+C does; <c>TERM</c>, as a service manager does) to a process.</summary>
    /// <returns><c>kill</c>'s exit code: 0 when the signal was delivered.</returns>
    public static int Signal(int pid, string signal)
    {
        if (signal == "INT")
            Assert.That(IgnoresSigint(pid), Is.False, $"process {pid} ignores SIGINT (SigIgn in /proc/{pid}/status), so Ctrl+C cannot reach it");
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }

    /// <summary>Whether <paramref name="pid"/> ignores SIGINT: bit 1 (signal 2) of the <c>SigIgn</c> mask in <c>/proc/PID/status</c>.</summary>
    private static bool IgnoresSigint(int pid)
    {
        string mask = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (Convert.ToUInt64(mask, 16) & 0b10) != 0;
    }

    /// <summary>The folder of <c>LazyDist.sln</c>, above the tests' output folder.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LazyDist.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException($"no LazyDist.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The <c>key=value</c> fields of the one output line.</summary>
    public IReadOnlyDictionary<string, string> Fields() =>
        Output.Trim().Split(' ').Skip(1).Select(f => f.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
