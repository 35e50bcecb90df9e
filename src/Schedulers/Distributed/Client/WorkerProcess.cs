using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace LazyDist.Distributed;

/// <summary>
/// Starts worker processes for a <see cref="LocalCluster"/> without any separate program: the new
/// process runs this application's own entry assembly with the same dependencies, and LazyDist's
/// startup hook turns it into a worker before the application's <c>Main</c> would run. So a user's
/// program that references only the LazyDist libraries can start a local cluster.
/// </summary>
internal static class WorkerProcess
{
    /// <summary>Carries the worker's arguments to the startup hook (one per line).</summary>
    public const string ArgumentsVariable = "LAZYDIST_WORKER_ARGS";

    public static Process Start(string centerAddress, string token, int threads, string name, IEnumerable<string>? options = null) =>
        Start(WithArguments(new WorkerOptions { CenterAddress = centerAddress, Token = token, Threads = threads, Name = name, CenterTimeout = LocalCenterTimeout }, [.. options ?? []]));

    /// <summary>How long a local cluster's worker process tries a lost center before it exits.</summary>
    public static readonly TimeSpan LocalCenterTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Starts a worker process with <paramref name="worker"/>'s settings.</summary>
    /// <param name="worker">What the worker process runs with (its <see cref="WorkerOptions.RestartReason"/> goes to the center).</param>
    /// <param name="inheritOutput">Write to this process's standard output and error (a nanny) instead of pipes read by the caller (a local cluster).</param>
    public static Process Start(WorkerOptions worker, bool inheritOutput = false)
    {
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry))
            throw new InvalidOperationException("a local cluster needs an application entry assembly on disk to start worker processes");
        string deps = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(Path.PathSeparator)[0];
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardError = !inheritOutput,
            RedirectStandardOutput = !inheritOutput,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) != "dotnet")
            start.FileName = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "dotnet");
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(RuntimeConfig(entry, deps));
        if (File.Exists(deps))
        {
            start.ArgumentList.Add("--depsfile");
            start.ArgumentList.Add(deps);
        }
        start.ArgumentList.Add(entry);
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(WorkerProcess).Assembly.Location;
        // A worker runs the same few kernels thousands of times from its first second: compile
        // them fully at once instead of starting from unoptimized code (measured on the seed on a
        // fresh processes:2 cluster: 0.54-0.74 s with this, 0.66-0.78 s with default tiering).
        start.Environment["DOTNET_TieredCompilation"] = "0";
        // Idle thread-pool threads block rather than spin: a worker shares the machine's cores with its peers
        // and the client, and a spinning thread takes the core the work needs.
        start.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        // Tiny tasks make short-lived garbage by the million: a 64 MB first generation collects it less often
        // (measured on 20,000 tiny tasks, processes:2: the center's time per task halved, the workers' more).
        start.Environment["DOTNET_GCgen0size"] = "0x4000000";
        start.Environment[ArgumentsVariable] = string.Join('\n', Arguments(worker));
        return Process.Start(start) ?? throw new InvalidOperationException("could not start a worker process");
    }

    /// <summary>The options after the name: TLS files and the result bound, as option and value pairs.</summary>
    public static IEnumerable<string> Arguments(TlsOptions? tls, long? maxResultBytes)
    {
        var pairs = new List<string>();
        void Add(string option, string? value)
        {
            if (value is not null)
                pairs.AddRange([option, value]);
        }
        Add("--tls-cert", tls?.CertificatePath);
        Add("--tls-key", tls?.KeyPath);
        Add("--tls-ca", tls?.CertificateAuthorityPath);
        Add("--max-result-bytes", maxResultBytes?.ToString(CultureInfo.InvariantCulture));
        return pairs;
    }

    /// <summary>Every setting of <paramref name="worker"/> a worker process needs, one per line: what <see cref="Parse"/> reads.</summary>
    private static List<string> Arguments(WorkerOptions worker)
    {
        List<string> lines = [worker.CenterAddress, "--token", worker.Token, "--nthreads", worker.Threads.ToString(CultureInfo.InvariantCulture), "--name", worker.Name,
            "--host", worker.Host, "--center-timeout", worker.CenterTimeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture), .. Arguments(worker.Tls, worker.MaxResultBytes)];
        if (worker.MemoryLimit is { } limit)
            lines.AddRange(["--memory-limit", limit.ToString(CultureInfo.InvariantCulture)]);
        if (worker.RestartReason is { } reason)
            lines.AddRange(["--restart-reason", reason.ReplaceLineEndings(" ")]);
        return lines;
    }

    /// <summary>Reads what <see cref="Start(WorkerOptions, bool)"/> wrote.</summary>
    public static WorkerOptions Parse(string[] lines) =>
        WithArguments(new WorkerOptions
        {
            CenterAddress = lines[0],
            Token = lines[2],
            Threads = int.Parse(lines[4], CultureInfo.InvariantCulture),
            Name = lines[6],
            CenterTimeout = LocalCenterTimeout,
        }, lines[7..]);

    /// <summary>Reads option and value pairs into <paramref name="options"/>.</summary>
    private static WorkerOptions WithArguments(WorkerOptions options, string[] pairs)
    {
        for (int i = 0; i + 1 < pairs.Length; i += 2)
        {
            var tls = options.Tls ?? new TlsOptions();
            string value = pairs[i + 1];
            options = pairs[i] switch
            {
                "--tls-cert" => options with { Tls = tls with { CertificatePath = value } },
                "--tls-key" => options with { Tls = tls with { KeyPath = value } },
                "--tls-ca" => options with { Tls = tls with { CertificateAuthorityPath = value } },
                "--max-result-bytes" => options with { MaxResultBytes = long.Parse(value, CultureInfo.InvariantCulture) },
                "--host" => options with { Host = value },
                "--center-timeout" => options with { CenterTimeout = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--memory-limit" => options with { MemoryLimit = long.Parse(value, CultureInfo.InvariantCulture) },
                "--restart-reason" => options with { RestartReason = value },
                _ => throw new FormatException($"unknown worker option {pairs[i]}"),
            };
        }
        return options;
    }

    /// <summary>The application's runtime configuration, or a minimal one for this runtime.</summary>
    private static string RuntimeConfig(string entry, string deps)
    {
        foreach (var candidate in new[] { Path.ChangeExtension(entry, ".runtimeconfig.json"), deps.Replace(".deps.json", ".runtimeconfig.json", StringComparison.Ordinal) })
        {
            if (File.Exists(candidate))
                return candidate;
        }
        return GeneratedConfig.Value;
    }

    /// <summary>Written once per process, under a name of its own, then moved into place whole.</summary>
    private static readonly Lazy<string> GeneratedConfig = new(() =>
    {
        string path = Path.Combine(Path.GetTempPath(), $"lazydist-worker-{Environment.ProcessId}-{Environment.Version}.runtimeconfig.json");
        var config = new { runtimeOptions = new { tfm = "net10.0", frameworks = SharedFrameworks() } };
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(config));
        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    });

    /// <summary>
    /// The shared frameworks this process runs on (<c>Microsoft.NETCore.App</c>, and
    /// <c>Microsoft.AspNetCore.App</c> when its logging or Kestrel came from there), read from the
    /// framework dependency files the host loaded and the assemblies loaded so far, so a worker
    /// process started without this application's own runtime configuration finds the same assemblies.
    /// </summary>
    private static object[] SharedFrameworks()
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["Microsoft.NETCore.App"] = Environment.Version.ToString() };
        var files = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(Path.PathSeparator)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).Select(a => a.Location));
        foreach (string file in files)
        {
            var version = Path.GetDirectoryName(file);
            var name = string.IsNullOrEmpty(version) ? null : Path.GetDirectoryName(version);
            if (!string.IsNullOrEmpty(name) && Path.GetFileName(Path.GetDirectoryName(name)) == "shared")
                found[Path.GetFileName(name)] = Path.GetFileName(version)!;
        }
        return [.. found.Select(f => new { name = f.Key, version = f.Value })];
    }
}
