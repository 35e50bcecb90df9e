using LazyDist.Graph;
using Spectre.Console;

namespace LazyDist.Cli;

/// <summary>
/// The CLI's progress bars (Spectre.Console), fed by the scheduler's <see cref="IProgress{T}"/>
/// reports on every scheduler, clusters included: one bar for all tasks and one per key group, on
/// stderr, only when stderr is a terminal; piped, nothing is drawn and the work gets no progress sink.
/// </summary>
internal static class ProgressReporter
{
    /// <summary>The most key groups drawn as bars of their own (more would not fit a terminal).</summary>
    private const int MaxPrefixBars = 8;

    /// <summary>Held while bars are drawn: Spectre draws one live display at a time, so a compute that starts during another's runs without bars.</summary>
    private static readonly SemaphoreSlim Drawing = new(1, 1);

    /// <summary>Whether <paramref name="error"/> is this process's stderr and a terminal: where bars are drawn.</summary>
    public static bool Draws(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    public static async Task<T> RunAsync<T>(TextWriter error, Func<IProgress<ComputeProgress>?, Task<T>> work)
    {
        if (!Draws(error) || !Drawing.Wait(0))
            return await work(null);
        try
        {
            return await DrawAsync(work);
        }
        finally
        {
            Drawing.Release();
        }
    }

    private static async Task<T> DrawAsync<T>(Func<IProgress<ComputeProgress>?, Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new Bars(context);
                result = await work(new Reports(bars));
                bars.Complete();
            });
        return result;
    }

    /// <summary>The bars of one run: all tasks, and the first key groups by name.</summary>
    private sealed class Bars(ProgressContext context)
    {
        private readonly ProgressTask _all = context.AddTask("tasks", maxValue: 1);
        private readonly Dictionary<string, ProgressTask> _prefixes = new(StringComparer.Ordinal);

        public void Show(ComputeProgress progress)
        {
            lock (_prefixes)
            {
                _all.MaxValue = Math.Max(1, progress.Total);
                _all.Value = progress.Done;
                _all.Description = $"tasks {progress.Done}/{progress.Total}";
                foreach (var prefix in progress.Prefixes.Take(MaxPrefixBars))
                {
                    if (!_prefixes.TryGetValue(prefix.Name, out var bar))
                        _prefixes[prefix.Name] = bar = context.AddTask(Markup.Escape(prefix.Name), maxValue: Math.Max(1, prefix.Total));
                    bar.MaxValue = Math.Max(1, prefix.Total);
                    bar.Value = prefix.Done;
                }
            }
        }

        public void Complete()
        {
            lock (_prefixes)
            {
                _all.Value = _all.MaxValue;
                foreach (var bar in _prefixes.Values)
                    bar.Value = bar.MaxValue;
            }
        }
    }

    /// <summary>Passes each report to the bars (on the scheduler's thread: drawing happens on Spectre's own).</summary>
    private sealed class Reports(Bars bars) : IProgress<ComputeProgress>
    {
        public void Report(ComputeProgress value) => bars.Show(value);
    }
}
