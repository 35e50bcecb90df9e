using System.Diagnostics;
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

    public static Process Start(string centerAddress, string token, int threads, string name, IEnumerable<string>? options = null)
    {
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry))
            throw new InvalidOperationException("a local cluster needs an application entry assembly on disk to start worker processes");
        string deps = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(Path.PathSeparator)[0];
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
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
        start.Environment[ArgumentsVariable] = string.Join('\n',
            [centerAddress, "--token", token, "--nthreads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture), "--name", name, .. options ?? []]);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start a worker process");
    }

    /// <summary>The options after the name: TLS files and the result bound, as option and value pairs.</summary>
    public static IEnumerable<string> Arguments(TlsOptions? tls, long? maxResultBytes, long? memoryLimit = null)
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
        Add("--max-result-bytes", maxResultBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("--memory-limit", memoryLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return pairs;
    }

    /// <summary>Reads what <see cref="Arguments"/> wrote into <paramref name="options"/>.</summary>
    public static WorkerOptions WithArguments(WorkerOptions options, IReadOnlyList<string> pairs)
    {
        for (int i = 0; i + 1 < pairs.Count; i += 2)
        {
            var tls = options.Tls ?? new TlsOptions();
            options = pairs[i] switch
            {
                "--tls-cert" => options with { Tls = tls with { CertificatePath = pairs[i + 1] } },
                "--tls-key" => options with { Tls = tls with { KeyPath = pairs[i + 1] } },
                "--tls-ca" => options with { Tls = tls with { CertificateAuthorityPath = pairs[i + 1] } },
                "--max-result-bytes" => options with { MaxResultBytes = long.Parse(pairs[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--memory-limit" => options with { MemoryLimit = long.Parse(pairs[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
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
        var config = new { runtimeOptions = new { tfm = "net10.0", framework = new { name = "Microsoft.NETCore.App", version = Environment.Version.ToString() } } };
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(config));
        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    });
}
