using LazyDist.Dashboard.Rendering;
using LazyDist.Dashboard.Reports;
using LazyDist.Distributed.Wire;

namespace LazyDist.Dashboard.Tests.Reports;

/// <summary>The report's window from two answers of the center, built by hand: which runs are inside, what is counted at the edges, memory and traffic.</summary>
[TestFixture]
public sealed class PerformanceWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Of_RunsAtTheEdges_OnlyThoseStartedAndStoppedInsideKept_StraddlersCounted()
    {
        var start = Answer(0, runsRecorded: 100, runs: [], workers: [Worker("w1", sent: 10, received: 5, process: 1000)]);
        var end = Answer(10, runsRecorded: 104, runs:
        [
            Run("early", "w1", -2, 1),   // started before: left out, counted
            Run("inside", "w1", 1, 3),
            Run("inside", "w2", 2, 4, fetched: 64),
            Run("bad", "w2", 5, 6, failed: true),
        ], workers: [Worker("w1", sent: 110, received: 5, process: 3000), Worker("w2", sent: 0, received: 64, process: 2000)],
            memory: [new MemoryPoint(At(5).UtcTicks, "w1", 2500)]);

        var window = PerformanceWindow.Of(start, end, TimeSpan.FromSeconds(10), failure: null, unanswered: null);

        Assert.Multiple(() =>
        {
            Assert.That(window.Runs.Select(r => (r.Key, r.Worker)), Is.EqualTo(new[] { ("inside", "w1"), ("inside", "w2"), ("bad", "w2") }));
            Assert.That(window.Straddling, Is.EqualTo(1));
            Assert.That(window.FellOut, Is.Zero);
            Assert.That(window.Erred, Is.EqualTo(1));
            Assert.That(window.Ended - window.Began, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(window.Memory, Is.EqualTo(new[] { (At(0), "w1", 1000L), (At(5), "w1", 2500L), (At(10), "w1", 3000L), (At(10), "w2", 2000L) }));
            Assert.That(window.Workers, Is.EqualTo(new[]
            {
                new ReportWorker("w1", "tcp://w1:1", 1, 1, 0, 0, 100, 0),
                new ReportWorker("w2", "tcp://w2:1", 1, 2, 1, 64, null, null),
            }), "w2 joined inside: its traffic between the edges is unknown");
        });
    }

    [Test]
    public void Of_MoreRunsThanTheRingKeeps_FellOutCountedAndNamedInTheHeader()
    {
        var start = Answer(0, runsRecorded: 0, runs: [], workers: []);
        var end = Answer(10, runsRecorded: 5, runs: [Run("a", "w1", 8, 9), Run("a", "w1", 9, 10)], workers: [], runsKept: 2);

        var window = PerformanceWindow.Of(start, end, TimeSpan.FromSeconds(10), failure: null, unanswered: null);
        string html = PerformanceReportPage.Render(window);

        Assert.Multiple(() =>
        {
            Assert.That(window.FellOut, Is.EqualTo(3));
            Assert.That(html, Does.Contain("the center keeps its latest 2 runs, so 3 earlier runs of this window are missing"));
        });
    }

    [Test]
    public void Of_CenterNotAnsweredAtTheEnd_ElapsedFromTheClientAndTheReasonInTheHeader()
    {
        var start = Answer(0, runsRecorded: 0, runs: [], workers: [Worker("w1", 0, 0, 0)]);

        var window = PerformanceWindow.Of(start, end: null, TimeSpan.FromSeconds(3), failure: null, unanswered: new IOException("the center at tcp://x:1 was lost"));
        string html = PerformanceReportPage.Render(window);

        Assert.Multiple(() =>
        {
            Assert.That(window.Ended - window.Began, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(window.Runs, Is.Empty);
            Assert.That(html, Does.Contain("could not be asked for its records at the end (the center at tcp://x:1 was lost)"));
        });
    }

    private static DateTimeOffset At(double seconds) => Start + TimeSpan.FromSeconds(seconds);

    private static PerformanceMessage Answer(double now, long runsRecorded, PerformanceRun[] runs, PerformanceWorker[] workers, MemoryPoint[]? memory = null, int runsKept = 20_000) =>
        new(At(now).UtcTicks, runsRecorded, runsKept, runs, memory ?? [], workers, 0);

    private static PerformanceRun Run(string key, string worker, double started, double stopped, long fetched = 0, bool failed = false) =>
        new(key, key, worker, 0, At(started).UtcTicks, At(stopped).UtcTicks, failed ? 0 : 8, fetched, failed);

    private static PerformanceWorker Worker(string name, long sent, long received, long process) => new(name, $"tcp://{name}:1", 1, sent, received, process);
}
