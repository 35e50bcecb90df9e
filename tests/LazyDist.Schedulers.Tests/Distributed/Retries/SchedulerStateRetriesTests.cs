using LazyDist.Distributed.Center;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Center;

namespace LazyDist.Schedulers.Tests.Distributed.Retries;

/// <summary>Retries at the center, by events in and whole instruction lists out, on fake time.</summary>
public class SchedulerStateRetriesTests
{
    private static readonly ErrorInfo Boom = new("System.InvalidOperationException", "boom", "at Here()");

    private static IReadOnlyList<SchedulerInstruction> SubmitOne(SchedulerStateFixture f, TaskKey key, int retries) =>
        f.Handle(new GraphSubmittedEvent(1, new[] { new TaskSpec(key, Array.Empty<TaskKey>(), SchedulerStateFixture.Node, 0, retries) }, new TaskKey[] { key }, f.NextStimulus("graph-submitted")));

    private static ComputeTaskInstruction Compute(SchedulerStateFixture f, int worker, TaskKey key) =>
        new(worker, key, SchedulerStateFixture.Node, 1L << 40, Array.Empty<DependencyLocation>(), 1, f.Stimulus);

    [Test]
    public void TaskErred_WithRetriesLeft_RunsAgain_ThenTheErrorIsFinal()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        Assert.That(SubmitOne(f, "flaky", retries: 2), Is.EqualTo(new SchedulerInstruction[] { Compute(f, 1, "flaky") }));
        Assert.That(f.Err(1, "flaky", Boom), Is.EqualTo(new SchedulerInstruction[] { new TaskRetriedInstruction("flaky", "w1", Boom, 1, f.Stimulus), Compute(f, 1, "flaky") }));
        Assert.That(f.Err(1, "flaky", Boom), Is.EqualTo(new SchedulerInstruction[] { new TaskRetriedInstruction("flaky", "w1", Boom, 0, f.Stimulus), Compute(f, 1, "flaky") }));
        Assert.That(f.Err(1, "flaky", Boom), Is.EqualTo(new SchedulerInstruction[] { f.Erred(1, "flaky", "flaky", Boom) }), "no retry left: the caller hears the error");
    }

    [Test]
    public void TaskErred_RetriedThenFinished_CallerGetsTheValue()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        SubmitOne(f, "flaky", retries: 1);
        f.Err(1, "flaky", Boom);
        Assert.That(f.Finish(1, "flaky"), Is.EqualTo(new SchedulerInstruction[] { f.InMemory(1, "flaky", 8, 1) }));
    }

    [Test]
    public void TaskErred_NoRetries_ErrorAtOnce()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        SubmitOne(f, "once", retries: 0);
        Assert.That(f.Err(1, "once", Boom), Is.EqualTo(new SchedulerInstruction[] { f.Erred(1, "once", "once", Boom) }));
    }

    [Test]
    public void WorkerLost_DoesNotCountAsARetry()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        SubmitOne(f, "t", retries: 1);
        Assert.That(f.RemoveWorker(1), Is.EqualTo(new SchedulerInstruction[] { Compute(f, 2, "t") }), "its worker died: run elsewhere");
        Assert.That(f.State.Tasks["t"].RetriesLeft, Is.EqualTo(1));
        Assert.That(f.Err(2, "t", Boom), Is.EqualTo(new SchedulerInstruction[] { new TaskRetriedInstruction("t", "w2", Boom, 0, f.Stimulus), Compute(f, 2, "t") }));
    }

    [Test]
    public void InputLost_DoesNotCountAsARetry_InputRecomputed()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.Handle(new GraphSubmittedEvent(1, new[]
        {
            new TaskSpec("in", Array.Empty<TaskKey>(), SchedulerStateFixture.Node, 0, 0),
            new TaskSpec("out", new TaskKey[] { "in" }, SchedulerStateFixture.Node, 1, 1),
        }, new TaskKey[] { "out" }, f.NextStimulus("graph-submitted")));
        f.Finish(1, "in", nbytes: 100);
        // out went to w1 (it holds in); w1 says in vanished: in is recomputed, out waits for it, neither errs.
        var lost = f.Handle(new FetchFailedEvent(1, "out", "in", new[] { SchedulerStateFixture.Address(1) }, f.NextStimulus("fetch-failed")));
        Assert.That(lost.OfType<KeyErredInstruction>(), Is.Empty);
        Assert.That(SchedulerStateFixture.Computes(lost), Has.Member((2, (TaskKey)"in")).Or.Member((1, (TaskKey)"in")));
        Assert.That(f.State.Tasks["out"].RetriesLeft, Is.EqualTo(1));
    }
}
