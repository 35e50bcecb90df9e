using System.CommandLine;
using LazyDist.Cli.Parsing;
using LazyDist.Distributed;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli.Commands;

/// <summary><c>lazydist worker HOST:PORT</c>: runs a worker of the center at HOST:PORT.</summary>
internal static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var center = new Argument<string>("center") { Description = "The center's address, HOST:PORT." };
        center.Validators.Add(result =>
        {
            try
            {
                _ = Distributed.Wire.Endpoints.Parse(result.GetValueOrDefault<string>());
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
            }
        });
        var nthreads = new Option<int>("--nthreads") { Description = "Executor threads (default: one per core)." }.WithEnvironment(context, Environment.ProcessorCount).AtLeast(1);
        var name = new Option<string>("--name") { Description = "The worker's name in logs." }.WithEnvironment(context, $"worker-{Environment.ProcessId}");
        var token = new Option<string>("--token") { Description = "The cluster's token." }.AsSecret();
        var host = new Option<string>("--host") { Description = "Address of this worker's data port, reachable by peers." }.WithEnvironment(context, "127.0.0.1").IsListenAddress();
        var timeout = new Option<double>("--center-timeout") { Description = "Seconds to keep trying a lost center before exiting." }.WithEnvironment(context, 30.0).IsPositiveSeconds();
        var maxResult = new Option<string>("--max-result-bytes") { Description = "The largest result a task may return (e.g. 2GB); a larger one fails its task. Default: no bound but the wire's." };
        var noNanny = new Option<bool>("--no-nanny") { Description = "Run the worker in this process, without a nanny process that restarts it when it dies or crosses 95% of --memory-limit." };
        var memoryLimit = new Option<string>("--memory-limit") { Description = "The worker's memory limit (e.g. 4GB; 0 for none): above 60% held results spill to disk, above 80% it pauses, above 95% its nanny restarts it. Default: the machine's memory, or its cgroup's limit." };
        var command = new Command("worker", "Run a worker that joins a center.") { center, nthreads, name, token, host, timeout, maxResult, noNanny, memoryLimit };
        var tls = new TlsCliOptions();
        tls.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new WorkerOptions
            {
                CenterAddress = parsed.GetValue(center)!,
                Threads = parsed.GetValue(nthreads),
                Name = parsed.GetValue(name)!,
                Token = parsed.SecretValue(token, context),
                Host = parsed.GetValue(host)!,
                CenterTimeout = TimeSpan.FromSeconds(parsed.GetValue(timeout)),
                Tls = tls.Read(parsed),
                MaxResultBytes = parsed.GetValue(maxResult) is { } max ? ByteSize.Parse(max, "--max-result-bytes") : null,
                MemoryLimit = parsed.GetValue(memoryLimit) is { } limit ? ByteSize.Parse(limit, "--memory-limit", allowZero: true) : null,
            };
            using var loggers = CliLogging.Create(LogLevels.Of(parsed, context, LogLevel.Information));
            try
            {
                if (!parsed.GetValue(noNanny))
                {
                    // A setting the worker cannot start with fails here, once, not in every worker process.
                    _ = Distributed.Wire.WireSecurity.Create(options.Token, options.Tls, serves: true);
                    _ = Distributed.Wire.ListenAddress.Resolve(options.Host, options.Token, Distributed.Wire.ListenerKind.DataPort);
                    return await NannyProgram.RunAsync(options, nanny: null, loggers, cancellationToken);
                }
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
