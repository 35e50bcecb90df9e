using LazyDist.Graph;
using Microsoft.Extensions.Time.Testing;

namespace LazyDist.Graph.Tests.Scheduling;

/// <summary>The tracker's throttle, fed finished tasks on a fake clock; each test compares the whole list of reports.</summary>
public sealed class ProgressTrackerTests
{
    private FakeTimeProvider _time = null!;
    private List<ComputeProgress> _reports = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        _reports = [];
    }

    [Test]
    public void Completed_TasksSlowerThanTheInterval_ReportsEveryTask()
    {
        var tracker = Tracker(Keys("slow", 4));
        tracker.Report(0);
        for (int i = 0; i < 4; i++)
        {
            _time.Advance(ProgressTracker.Interval);
            tracker.Completed(i, 10 * i);
        }
        Assert.That(Summaries(), Is.EqualTo(new[] { "0/4 slow 0/4 held 0", "1/4 slow 1/4 held 0", "2/4 slow 2/4 held 10", "3/4 slow 3/4 held 20", "4/4 slow 4/4 held 30" }));
    }

    [Test]
    public void Completed_TinyTasksThenThePassOfAnInterval_ReportsOnceWithinTheStride()
    {
        // No time passes for 100 tiny tasks: the clock is read at tasks 1, 3, 7, 15, 31, 63 (the stride
        // doubling to 32) and 95, never reporting. The interval then passes; the next read, at task 127, reports.
        var tracker = Tracker(Keys("inc", 200));
        tracker.Report(0);
        for (int i = 0; i < 100; i++)
            tracker.Completed(i, 0);
        _time.Advance(ProgressTracker.Interval);
        for (int i = 100; i < 200; i++)
            tracker.Completed(i, 0);
        tracker.Report(0);
        Assert.That(Summaries(), Is.EqualTo(new[] { "0/200 inc 0/200 held 0", "127/200 inc 127/200 held 0", "200/200 inc 200/200 held 0" }));
    }

    [Test]
    public void Completed_TinyTasksTurnSlow_StrideFallsBackToEveryTask()
    {
        // 63 tiny tasks leave the stride at 32 (reads at 1, 3, 7, 15, 31, 63). Then each task takes a
        // whole interval: the read at task 95 reports and halves the stride (16), then 111 (8), 119 (4),
        // 123 (2), 125 (1), and from then on every task reports.
        var tracker = Tracker(Keys("step", 128));
        for (int i = 0; i < 63; i++)
            tracker.Completed(i, 0);
        for (int i = 63; i < 128; i++)
        {
            _time.Advance(ProgressTracker.Interval);
            tracker.Completed(i, 0);
        }
        Assert.That(_reports.Select(r => r.Done), Is.EqualTo(new[] { 95, 111, 119, 123, 125, 126, 127, 128 }));
    }

    [Test]
    public void Constructor_KeysOfSeveralGroups_CountsEachGroupOnceSortedByName()
    {
        var keys = new List<TaskKey>(Keys("sum-3c1f9a0b", 2)) { new("inc", 0), "total", new("inc", 1), new("sum-77ab01cd", 0) };
        var tracker = Tracker(keys);
        tracker.Completed(2, 0);
        tracker.Report(0);
        tracker.Finish(5);
        Assert.That(tracker.Names, Is.EqualTo(new[] { "sum", "inc", "total" }));
        Assert.That(Summaries(), Is.EqualTo(new[] { "1/6 inc 1/2 sum 0/3 total 0/1 held 0", "6/6 inc 2/2 sum 3/3 total 1/1 held 5" }));
    }

    [Test]
    public void Report_CountsFromACenter_KeptWithinEachGroupsTotal()
    {
        var tracker = Tracker([new("a", 0), new("a", 1), new("b", 0)]);
        tracker.Report([5, -1], 7);
        Assert.That(Summaries(), Is.EqualTo(new[] { "2/3 a 2/2 b 0/1 held 7" }));
    }

    private ProgressTracker Tracker(IReadOnlyList<TaskKey> keys) => new(keys, new Progress(_reports), _time);

    private static TaskKey[] Keys(string name, int count) => [.. Enumerable.Range(0, count).Select(i => new TaskKey(name, i))];

    private string[] Summaries() =>
        [.. _reports.Select(r => $"{r.Done}/{r.Total} {string.Join(' ', r.Prefixes.Select(p => $"{p.Name} {p.Done}/{p.Total}"))} held {r.HeldBytes}")];

    /// <summary>A sink that keeps every report, synchronously (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class Progress(List<ComputeProgress> reports) : IProgress<ComputeProgress>
    {
        public void Report(ComputeProgress value) => reports.Add(value);
    }
}
