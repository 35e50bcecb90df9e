using LazyDist.Distributed.Center;
using LazyDist.Graph;
using LazyDist.Schedulers.Tests.Distributed.Center;

namespace LazyDist.Schedulers.Tests.Distributed.Memory;

/// <summary>The center and paused workers, by events in and whole instruction lists out, on fake time.</summary>
public class SchedulerStatePausingTests
{
    private static (TaskKey, TaskKey[]) Root(TaskKey key) => (key, []);

    private static (TaskKey, TaskKey[]) Task(TaskKey key, params TaskKey[] deps) => (key, deps);

    private static IReadOnlyList<SchedulerInstruction> Pause(SchedulerStateFixture f, int worker, bool paused) =>
        f.Handle(new WorkerPausedEvent(worker, paused, 900, 1000, f.NextStimulus(paused ? "paused" : "resumed")));

    [Test]
    public void Paused_WorkerIsSentNoNewTask_OthersTakeThem()
    {
        var f = new SchedulerStateFixture(new SchedulerOptions { Saturation = 1.0, LeadTime = TimeSpan.Zero });
        f.AddWorker(1);
        f.AddWorker(2);
        Assert.That(Pause(f, 1, true), Is.Empty);
        var keys = Enumerable.Range(0, 3).Select(i => (TaskKey)("x", i)).ToArray();
        Assert.That(f.Submit(1, keys.Select(Root), keys), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, ("x", 0)) }), "only w2 takes roots");
    }

    [Test]
    public void Paused_HolderOfTheInputs_TaskGoesToARunningWorker()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.AddWorker(2);
        f.Submit(1, [Root("a"), Task("b", "a")], "b");
        Pause(f, 1, true);
        Assert.That(f.Finish(1, "a", nbytes: 1000), Is.EqualTo(new SchedulerInstruction[] { f.Compute(2, "b", ("a", [1], 1000)) }),
            "b's input is on paused w1, which still serves it");
    }

    [Test]
    public void AllPaused_TasksWait_SaidOnce_ResumeSendsThem()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        f.Submit(1, [Root("a"), Task("b", "a")], "b");
        Pause(f, 1, true);
        Assert.That(f.Finish(1, "a"), Is.EqualTo(new SchedulerInstruction[] { new AllWorkersPausedInstruction(1, 1, f.Stimulus) }));
        Assert.That(f.State.Tasks["b"].Status, Is.EqualTo(CenterTaskStatus.NoWorker));
        Assert.That(Pause(f, 1, true), Is.Empty, "said once until a worker resumes");
        Assert.That(Pause(f, 1, false), Is.EqualTo(new SchedulerInstruction[] { f.Compute(1, "b", ("a", [1], 8)) }));
    }

    [Test]
    public void AllPaused_NothingWaits_NothingSaid()
    {
        var f = new SchedulerStateFixture();
        f.AddWorker(1);
        Assert.That(Pause(f, 1, true), Is.Empty);
    }

    [Test]
    public void Paused_UnknownWorker_Ignored()
    {
        var f = new SchedulerStateFixture();
        Assert.That(Pause(f, 7, true), Is.Empty);
    }
}
