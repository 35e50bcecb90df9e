using System.Diagnostics;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>Runs a program to completion, capturing its output, and kills it if it runs too long.</summary>
internal static class ChildProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <exception cref="TimeoutException">The program ran longer than five minutes (it was killed).</exception>
    /// <exception cref="System.ComponentModel.Win32Exception">The program cannot be started.</exception>
    public static ChildOutput Run(string fileName, params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} ran longer than {Timeout.TotalMinutes} minutes");
        }
        process.WaitForExit();
        clock.Stop();
        return new ChildOutput(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), clock.Elapsed);
    }
}
