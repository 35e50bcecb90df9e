using System.CommandLine;
using LazyDist.Distributed;

namespace LazyDist.Cli.Commands;

/// <summary><c>lazydist worker HOST:PORT</c>: runs a worker of the center at HOST:PORT.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var center = new Argument<string>("center") { Description = "The center's address, HOST:PORT." };
        var nthreads = new Option<int>("--nthreads") { Description = "Executor threads (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var name = new Option<string>("--name") { Description = "The worker's name in logs.", DefaultValueFactory = _ => $"worker-{Environment.ProcessId}" };
        var token = new Option<string>("--token") { Description = "The cluster's token.", DefaultValueFactory = _ => "" };
        var host = new Option<string>("--host") { Description = "Address of this worker's data port, reachable by peers.", DefaultValueFactory = _ => "127.0.0.1" };
        var timeout = new Option<double>("--center-timeout") { Description = "Seconds to keep trying a lost center before exiting.", DefaultValueFactory = _ => 30 };
        var maxResult = new Option<string>("--max-result-bytes") { Description = "The largest result a task may return (e.g. 2GB); a larger one fails its task. Default: no bound but the wire's." };
        var command = new Command("worker", "Run a worker that joins a center.") { center, nthreads, name, token, host, timeout, maxResult };
        var tls = new TlsCliOptions();
        tls.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string address = parsed.GetValue(center)!;
            try
            {
                _ = Distributed.Wire.Endpoints.Parse(address);
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }
            int threads = parsed.GetValue(nthreads);
            if (threads < 1)
                throw new UsageException($"--nthreads must be at least 1, got {threads}");
            var options = new WorkerOptions
            {
                CenterAddress = address,
                Threads = threads,
                Name = parsed.GetValue(name)!,
                Token = parsed.GetValue(token)!,
                Host = parsed.GetValue(host)!,
                CenterTimeout = TimeSpan.FromSeconds(parsed.GetValue(timeout)),
                Tls = tls.Read(parsed),
                MaxResultBytes = parsed.GetValue(maxResult) is { } max ? ByteSize.Parse(max, "--max-result-bytes") : null,
            };
            using var loggers = CliLogging.Create();
            try
            {
                return await WorkerProgram.RunAsync(options, loggers, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new UsageException(e.Message); // a data port off loopback without a token, an unreadable TLS file
            }
        });
        return command;
    }
}
