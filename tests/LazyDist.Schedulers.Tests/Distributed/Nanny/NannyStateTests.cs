using LazyDist.Distributed;
using LazyDist.Distributed.Nanny;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LazyDist.Schedulers.Tests.Distributed.Nanny;

/// <summary>The nanny's decisions, by events in and whole instruction lists out, on fake time.</summary>
public class NannyStateTests
{
    private const long Limit = 4_000_000_000;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private NannyState _state = null!;

    [SetUp]
    public void NewState() => _state = new NannyState("w1", Limit, new NannyOptions(), _time);

    private IReadOnlyList<NannyInstruction> Handle(NannyEvent e) => _state.Handle(e);

    private void Running()
    {
        Handle(new NannyStartedEvent());
        _time.Advance(TimeSpan.FromMinutes(1)); // past the quick-death window
    }

    [Test]
    public void Started_StartsTheFirstWorkerProcess()
    {
        Assert.That(Handle(new NannyStartedEvent()), Is.EqualTo(new NannyInstruction[] { new StartChildInstruction(null) }));
        Assert.That(_state.Status, Is.EqualTo(NannyStatus.Running));
    }

    [Test]
    public void ChildKilled_RestartsItUnderTheSameName_WithTheReason()
    {
        Running();
        Assert.That(Handle(new ChildExitedEvent(137)), Is.EqualTo(new NannyInstruction[]
        {
            new LogInstruction(LogLevel.Warning, "worker w1 died (exit 137); restarting"),
            new StartChildInstruction("died (exit 137)"),
        }));
        Assert.That(_state.Restarts, Is.EqualTo(1));
    }

    [Test]
    public void MemoryAboveTheTerminateThreshold_KillsThenRestarts()
    {
        Running();
        Assert.That(Handle(new MemorySampledEvent(3_800_000_000)), Is.Empty, "exactly 95% is not above it");
        Assert.That(Handle(new MemorySampledEvent(3_900_000_000)), Is.EqualTo(new NannyInstruction[]
        {
            new LogInstruction(LogLevel.Warning, "worker w1 exceeded 95% of 4.00 GB (3.90 GB); restarting"),
            new KillChildInstruction(),
        }));
        Assert.That(Handle(new MemorySampledEvent(3_950_000_000)), Is.Empty, "one kill");
        Assert.That(Handle(new ChildExitedEvent(137)), Is.EqualTo(new NannyInstruction[] { new StartChildInstruction("exceeded 95% of 4.00 GB (3.90 GB)") }));
    }

    [Test]
    public void NoMemoryLimit_NeverKillsForMemory()
    {
        _state = new NannyState("w1", null, new NannyOptions(), _time);
        Running();
        Assert.That(Handle(new MemorySampledEvent(long.MaxValue)), Is.Empty);
    }

    [Test]
    public void StopRequested_StopsTheChild_ThenExitsZero()
    {
        Running();
        Assert.That(Handle(new StopRequestedEvent()), Is.EqualTo(new NannyInstruction[] { new StopChildInstruction() }));
        Assert.That(Handle(new StopRequestedEvent()), Is.Empty, "a second signal changes nothing");
        Assert.That(Handle(new ChildExitedEvent(0)), Is.EqualTo(new NannyInstruction[]
        {
            new LogInstruction(LogLevel.Information, "worker w1 stopped (exit 0); the nanny stops"),
            new ExitInstruction(0),
        }));
    }

    [Test]
    public void StopRequestedWhileReplacing_ExitsOnceTheKilledChildIsGone_NoNewChild()
    {
        Running();
        Handle(new MemorySampledEvent(Limit));
        Assert.That(Handle(new StopRequestedEvent()), Is.Empty, "the child is being killed already");
        Assert.That(Handle(new ChildExitedEvent(137)), Is.EqualTo(new NannyInstruction[]
        {
            new LogInstruction(LogLevel.Information, "worker w1 stopped (exit 137); the nanny stops"),
            new ExitInstruction(0),
        }));
    }

    [TestCase(0, LogLevel.Information, "worker w1 stopped; the nanny stops", 0)]
    [TestCase(1, LogLevel.Error, "worker w1 lost its center (exit 1); the nanny stops", 1)]
    [TestCase(2, LogLevel.Error, "worker w1 cannot start with these settings (exit 2; its output says why); the nanny stops", 2)]
    public void ChildExitedByItself_NannyExitsWithIt(int code, LogLevel level, string text, int nannyCode)
    {
        Running();
        Assert.That(Handle(new ChildExitedEvent(code)), Is.EqualTo(new NannyInstruction[] { new LogInstruction(level, text), new ExitInstruction(nannyCode) }));
        Assert.That(_state.Status, Is.EqualTo(NannyStatus.Exited));
    }

    [Test]
    public void RestartRequested_KillsAndRestarts_NotCountedAsAQuickDeath()
    {
        Handle(new NannyStartedEvent());
        for (int i = 0; i < 10; i++)
        {
            Assert.That(Handle(new RestartRequestedEvent("restart requested by the client")), Is.EqualTo(new NannyInstruction[]
            {
                new LogInstruction(LogLevel.Warning, "worker w1 restart requested by the client; restarting"),
                new KillChildInstruction(),
            }));
            Assert.That(Handle(new ChildExitedEvent(137)), Is.EqualTo(new NannyInstruction[] { new StartChildInstruction("restart requested by the client") }));
        }
        Assert.That(_state.Restarts, Is.EqualTo(10));
    }

    [Test]
    public void FiveQuickDeathsInARow_GivesUp_ButASlowDeathResetsTheCount()
    {
        Handle(new NannyStartedEvent());
        for (int i = 0; i < 4; i++)
            Assert.That(Handle(new ChildExitedEvent(134)), Has.Some.EqualTo(new StartChildInstruction("died (exit 134)")), $"death {i + 1}");
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(Handle(new ChildExitedEvent(134)), Has.Some.EqualTo(new StartChildInstruction("died (exit 134)")), "lived 10 s: not quick");
        for (int i = 0; i < 4; i++)
            Handle(new ChildExitedEvent(134));
        Assert.That(Handle(new ChildExitedEvent(134)), Is.EqualTo(new NannyInstruction[]
        {
            new LogInstruction(LogLevel.Error, "worker w1 died (exit 134), 5 times in a row within 10 s of starting; the nanny gives up"),
            new ExitInstruction(1),
        }));
    }

    [Test]
    public void EventsAfterExit_DoNothing()
    {
        Running();
        Handle(new ChildExitedEvent(0));
        Assert.Multiple(() =>
        {
            Assert.That(Handle(new ChildExitedEvent(137)), Is.Empty);
            Assert.That(Handle(new MemorySampledEvent(Limit)), Is.Empty);
            Assert.That(Handle(new StopRequestedEvent()), Is.Empty);
        });
    }

    [Test]
    public void RestartsOff_ADeadChildStaysDead_AndMemoryIsNotWatched()
    {
        _state = new NannyState("w1", Limit, new NannyOptions { Restarts = false }, _time);
        Running();
        Assert.That(Handle(new MemorySampledEvent(Limit)), Is.Empty);
        Assert.That(Handle(new ChildExitedEvent(137)), Is.EqualTo(new NannyInstruction[]
        {
            new LogInstruction(LogLevel.Warning, "worker w1 died (exit 137); not restarted"),
            new ExitInstruction(1),
        }));
    }
}
