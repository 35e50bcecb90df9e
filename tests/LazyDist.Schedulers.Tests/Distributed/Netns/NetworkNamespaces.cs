using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LazyDist.Schedulers.Tests.Distributed.Netns;

/// <summary>
/// Hosts on this machine, each in a network namespace of its own (none in the root namespace),
/// joined by a bridge in one more namespace, on documentation addresses (192.0.2.0/24): the
/// multi-machine deployment without leaving the machine. Names carry this process's id, so runs of
/// other engineers at the same time never meet; <see cref="RemoveStale"/> removes what runs whose
/// process is gone left behind; <see cref="Dispose"/> removes everything this one made.
/// </summary>
internal sealed partial class NetworkNamespaces : IDisposable
{
    public const string Prefix = "ldwire";

    private readonly List<string> _made = [];
    private readonly Dictionary<string, string> _hosts = [];

    private NetworkNamespaces(string run) => Run = run;

    /// <summary>This run's part of every name: <c>ldwire-PID</c>.</summary>
    public string Run { get; }

    /// <summary>Makes the bridge and one namespace per host, each with <c>eth0</c> at its address (/24) and <c>lo</c> up.</summary>
    /// <exception cref="InvalidOperationException">An <c>ip</c> command failed; what was made is removed first.</exception>
    public static NetworkNamespaces Create(IReadOnlyList<(string Host, string Address)> hosts)
    {
        var net = new NetworkNamespaces($"{Prefix}-{Environment.ProcessId}");
        try
        {
            string bridge = net.Add("bridge");
            Ip("-n", bridge, "link", "add", "br0", "type", "bridge");
            Ip("-n", bridge, "link", "set", "br0", "up");
            for (int i = 0; i < hosts.Count; i++)
            {
                var (host, address) = hosts[i];
                string name = net.Add(host);
                net._hosts[host] = name;
                string port = $"v{i}";
                Ip("link", "add", "eth0", "netns", name, "type", "veth", "peer", "name", port, "netns", bridge);
                Ip("-n", bridge, "link", "set", port, "master", "br0");
                Ip("-n", bridge, "link", "set", port, "up");
                Ip("-n", name, "addr", "add", $"{address}/24", "dev", "eth0");
                Ip("-n", name, "link", "set", "eth0", "up");
                Ip("-n", name, "link", "set", "lo", "up");
            }
        }
        catch
        {
            net.Dispose();
            throw;
        }
        return net;
    }

    /// <summary>The words that run a command inside <paramref name="host"/>'s namespace.</summary>
    public IReadOnlyList<string> Exec(string host) => ["ip", "netns", "exec", _hosts[host]];

    /// <summary>The namespaces of this machine whose names start with <see cref="Prefix"/>.</summary>
    public static IReadOnlyList<string> List() =>
        [.. Ip("netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).Where(n => n.StartsWith(Prefix + "-", StringComparison.Ordinal))];

    /// <summary>Removes namespaces of this prefix made by test processes that no longer run (ending, by id, the processes still inside them).</summary>
    public static void RemoveStale()
    {
        foreach (string name in List())
        {
            var owner = OwnerPattern().Match(name);
            if (!owner.Success || Directory.Exists($"/proc/{owner.Groups[1].Value}"))
                continue; // a live run's, perhaps another engineer's at this very moment
            Remove(name);
        }
    }

    /// <summary>Ends the processes left in this run's namespaces, by id, and deletes the namespaces (the veth pairs and the bridge go with them).</summary>
    public void Dispose()
    {
        var failures = new List<string>();
        foreach (string name in Enumerable.Reverse(_made))
        {
            try
            {
                Remove(name);
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e.Message);
            }
        }
        _made.Clear();
        if (failures.Count > 0)
            TestContext.Progress.WriteLine($"could not remove every namespace: {string.Join("; ", failures)}");
    }

    private static void Remove(string name)
    {
        foreach (string pid in Ip("netns", "pids", name).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var process = Process.GetProcessById(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture));
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (ArgumentException)
            {
                // Gone meanwhile.
            }
        }
        Ip("netns", "del", name);
    }

    private string Add(string host)
    {
        string name = $"{Run}-{host}";
        Ip("netns", "add", name);
        _made.Add(name);
        return name;
    }

    /// <summary>Runs <c>ip</c>; its standard output.</summary>
    /// <exception cref="InvalidOperationException">It failed; the message has the command and its error.</exception>
    private static string Ip(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ip");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} did not finish within 30 s");
        }
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result.Trim()}");
    }

    [GeneratedRegex($"^{Prefix}-(\\d+)-")]
    private static partial Regex OwnerPattern();
}
