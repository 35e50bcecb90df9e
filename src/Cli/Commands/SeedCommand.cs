using System.CommandLine;
using LazyDist.Cli.Parsing;
using LazyDist.Cli.Seed;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli.Commands;

/// <summary><c>lazydist seed</c>: the seed computation (N random chunks, the sum of each, the total).</summary>
internal static class SeedCommand
{
    public static Command Create(CliContext context)
    {
        var chunks = new Option<int>("--chunks") { Description = "Number of chunks." }.WithEnvironment(context, 1000).AtLeast(1);
        var chunkSize = new Option<int>("--chunk-size") { Description = "Elements per chunk." }.WithEnvironment(context, 1_000_000).AtLeast(1);
        var scheduler = new Option<string>("--scheduler") { Description = $"Where to run: {SchedulerSpec.Help}." }.WithEnvironment(context, "threads").ParsesAs(SchedulerSpec.Parse);
        var api = new Option<string>("--api") { Description = "Which API builds the graph: array | delayed | graph." }.WithEnvironment(context, "array").ParsesAs(SeedApiNames.Parse);
        var seed = new Option<ulong>("--seed") { Description = "Random seed." }.WithEnvironment(context, 42UL);
        var token = new Option<string>("--token") { Description = "The cluster's token, for --scheduler tcp://." }.AsSecret();
        var command = new Command("seed", "Run the seed: random chunks, the sum of each, the total; prints one line of key=value fields.")
        {
            chunks, chunkSize, scheduler, api, seed, token,
        };
        var tls = new TlsCliOptions();
        tls.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new SeedOptions(
                parsed.GetValue(chunks),
                parsed.GetValue(chunkSize),
                SeedApiNames.Parse(parsed.GetValue(api)!),
                parsed.GetValue(scheduler)!,
                parsed.GetValue(seed));
            var spec = SchedulerSpec.Parse(options.Scheduler) with { Tls = tls.Read(parsed) };
            using var loggers = CliLogging.Create(LogLevels.Of(parsed, context, LogLevel.Warning));
            await using var open = await spec.OpenAsync(parsed.SecretValue(token, context), loggers, cancellationToken);
            loggers.CreateLogger("lazydist.seed").LogInformation(
                "running the seed: {Chunks} chunks of {ChunkSize} through the {Api} API on {Scheduler}", options.Chunks, options.ChunkSize, options.Api.Name(), options.Scheduler);
            var result = await ProgressReporter.RunAsync(context.Error, progress => SeedJob.RunAsync(options, open, progress, cancellationToken));
            context.Output.WriteLine(result.Format(options));
            return 0;
        });
        return command;
    }
}
