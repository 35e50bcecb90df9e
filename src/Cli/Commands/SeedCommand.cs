using System.CommandLine;
using System.Globalization;
using LazyDist.Cli.Seed;
using Microsoft.Extensions.Logging;

namespace LazyDist.Cli.Commands;

/// <summary><c>lazydist seed</c>: the seed computation (N random chunks, the sum of each, the total).</summary>
internal static class SeedCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var chunks = new Option<int>("--chunks") { Description = "Number of chunks.", DefaultValueFactory = _ => 1000 };
        var chunkSize = new Option<int>("--chunk-size") { Description = "Elements per chunk.", DefaultValueFactory = _ => 1_000_000 };
        var scheduler = new Option<string>("--scheduler") { Description = $"Where to run: {SchedulerSpec.Help}.", DefaultValueFactory = _ => "threads" };
        var api = new Option<string>("--api") { Description = "Which API builds the graph: array | delayed | graph.", DefaultValueFactory = _ => "array" };
        var seed = new Option<ulong>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42UL };
        var token = new Option<string>("--token") { Description = "The cluster's token, for --scheduler tcp://.", DefaultValueFactory = _ => "" };
        var command = new Command("seed", "Run the seed: random chunks, the sum of each, the total; prints one line of key=value fields.")
        {
            chunks, chunkSize, scheduler, api, seed, token,
        };
        var tls = new TlsCliOptions();
        tls.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new SeedOptions(
                Positive(parsed.GetValue(chunks), "--chunks"),
                Positive(parsed.GetValue(chunkSize), "--chunk-size"),
                SeedApiNames.Parse(parsed.GetValue(api)!),
                parsed.GetValue(scheduler)!,
                parsed.GetValue(seed));
            var spec = SchedulerSpec.Parse(options.Scheduler) with { Tls = tls.Read(parsed) };
            using var loggers = CliLogging.Create(LogLevel.Warning);
            await using var open = await spec.OpenAsync(parsed.GetValue(token)!, loggers, cancellationToken);
            using var progress = ProgressReporter.StartIfTerminal(open.Scheduler, error);
            var result = await SeedJob.RunAsync(options, open, cancellationToken);
            progress?.Finish();
            output.WriteLine(result.Format(options));
            return 0;
        });
        return command;
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must be at least 1, got {value}"));
}
