using LazyDist.Distributed.Center;
using LazyDist.Distributed.Client;
using LazyDist.Distributed.States;
using LazyDist.Graph;
using Microsoft.Extensions.Time.Testing;

namespace LazyDist.Schedulers.Tests.Distributed.Client;

/// <summary>The client's keys, gathers and code shipping, by events in and whole instruction lists out.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class ClientStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TaskSpec X = new("x", [], new byte[] { 1 }, 0);
    private static readonly CodeOffer Lib = new("Lib", "aa00000000000000", 100, Root: true);

    private readonly ClientState _state = new(new FakeTimeProvider(T0));
    private int _events;

    private string Stimulus { get; set; } = "";

    private IReadOnlyList<ClientInstruction> Handle(ClientEvent e)
    {
        Stimulus = e.StimulusId;
        return _state.Handle(e);
    }

    private string Next(string kind) => $"{kind}-{++_events}";

    private IReadOnlyList<ClientInstruction> Submit(TaskSpec[] tasks, TaskKey[] wanted, params CodeOffer[] code) =>
        Handle(new SubmitEvent(tasks, wanted, code, Next("graph-submitted")));

    private IReadOnlyList<ClientInstruction> InMemory(TaskKey key, params string[] holders) => Handle(new KeyInMemoryEvent(key, holders, 8, Next("center")));

    private IReadOnlyList<ClientInstruction> Want(TaskKey key) => Handle(new ValueWantedEvent(key, Next("value-wanted")));

    private IReadOnlyList<ClientInstruction> Gathered(string holder, TaskKey[] found, params TaskKey[] missing) =>
        Handle(new GatheredEvent(holder, found, missing, Next("gathered")));

    private IReadOnlyList<ClientInstruction> Release(params TaskKey[] keys) =>
        Handle(new InterestsReleasedEvent(keys.Select(k => new KeyInterest(k, 1)).ToArray(), Next("keys-released")));

    private KeyChangedInstruction Changed(TaskKey key, ClientKeyStatus status, string[]? holders = null, ClientError? error = null, long incarnation = 1) =>
        new(key, incarnation, status, holders ?? [], error, Stimulus);

    private SubmitGraphInstruction Graph(TaskSpec[] tasks, params TaskKey[] wanted) => new(tasks, wanted, Stimulus);

    private GatherInstruction Gather(string holder, params TaskKey[] keys) => new(holder, keys, Stimulus);

    [Test]
    public void Submit_NewKey_HeldAndSent()
    {
        Assert.That(Submit([X], ["x"]), Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Pending), Graph([X], "x") }));
    }

    [Test]
    public void Submit_InParts_EachPartSentAsItComes_InterestsTakenWithTheLast()
    {
        var y = X with { Key = "y", Dependencies = new TaskKey[] { "x" }, Priority = 1 };
        Assert.That(Handle(new SubmitEvent(new[] { X }, [], [], Next("graph-submitted"), More: true)),
            Is.EqualTo(new ClientInstruction[] { new SubmitGraphInstruction(new[] { X }, [], Stimulus, More: true) }));
        Assert.That(_state.Find("x"), Is.Null, "no interest yet");
        Assert.That(Submit([y], ["y"]), Is.EqualTo(new ClientInstruction[] { Changed("y", ClientKeyStatus.Pending), Graph([y], "y") }));
    }

    [Test]
    public void Submit_BiggerThanAPart_SplitInParts_InputsFirst()
    {
        var state = new ClientState(new FakeTimeProvider(T0), partSize: 2);
        TaskSpec[] tasks = [X, X with { Key = "y" }, X with { Key = "z" }];
        var sent = state.Handle(new SubmitEvent(tasks, new TaskKey[] { "z" }, [], "graph-submitted-1"));
        Assert.That(sent, Is.EqualTo(new ClientInstruction[]
        {
            new KeyChangedInstruction("z", 1, ClientKeyStatus.Pending, [], null, "graph-submitted-1"),
            new SubmitGraphInstruction(tasks[..2], [], "graph-submitted-1", More: true),
            new SubmitGraphInstruction(tasks[2..], new TaskKey[] { "z" }, "graph-submitted-1"),
        }));
    }

    [Test]
    public void Gather_OneRequestPerHolderInFlight_MoreKeysGoInTheNext()
    {
        var y = X with { Key = "y" };
        Submit([X, y], ["x", "y"]);
        InMemory("x", "w1");
        InMemory("y", "w1");
        Assert.That(Want("x"), Is.EqualTo(new ClientInstruction[] { Gather("w1", "x") }));
        Assert.That(Want("y"), Is.Empty, "a request to w1 is in flight");
        Assert.That(Gathered("w1", ["x"]), Is.EqualTo(new ClientInstruction[] { new DeliverInstruction("x", Stimulus), Gather("w1", "y") }));
    }

    [Test]
    public void Gather_HolderLacksTheKey_CenterToldAndNextHolderTried_ThenTheNextReportAwaited()
    {
        Submit([X], ["x"]);
        InMemory("x", "w1", "w2");
        Want("x");
        Assert.That(Gathered("w1", [], "x"), Is.EqualTo(new ClientInstruction[] { new ReportMissingInstruction("x", "w1", Stimulus), Gather("w2", "x") }));
        Assert.That(Gathered("w2", [], "x"), Is.EqualTo(new ClientInstruction[] { new ReportMissingInstruction("x", "w2", Stimulus) }), "no holder left: wait");
        Assert.That(InMemory("x", "w3"), Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Memory, ["w3"]), Gather("w3", "x") }));
    }

    [Test]
    public void Release_EachInterestCounts_CenterToldWhenTheLastGoes()
    {
        Submit([X], ["x", "x"]);
        Assert.That(Release("x"), Is.Empty);
        Assert.That(Release("x"), Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Forgotten), new ReleaseKeysInstruction(new TaskKey[] { "x" }, Stimulus) }));
        Assert.That(Release("x"), Is.Empty, "an interest already let go does nothing");
    }

    [Test]
    public void Release_OfAnOlderIncarnation_LeavesTheKeySubmittedAgainAlone()
    {
        Submit([X], ["x"]);
        Release("x");
        Assert.That(Submit([X], ["x"]), Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Pending, incarnation: 2), Graph([X], "x") }));
        Assert.That(Release("x"), Is.Empty, "the old lease names incarnation 1");
    }

    [Test]
    public void Code_MessagesAfterAnOffer_WaitForItsAnswer_InOrder()
    {
        Assert.That(Submit([X], ["x"], Lib), Is.EqualTo(new ClientInstruction[] { new OfferCodeInstruction(new[] { Lib }, Stimulus), Changed("x", ClientKeyStatus.Pending) }));
        string submitted = Stimulus;
        Assert.That(Release("x"), Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Forgotten) }), "the release waits behind the graph");
        string released = Stimulus;
        var answered = Handle(new CodeNeededEvent(new[] { Lib.Hash }, Next("code-needed")));
        Assert.That(answered, Is.EqualTo(new ClientInstruction[]
        {
            new SendCodeInstruction(Lib.Hash, Found: true, Stimulus),
            new SubmitGraphInstruction(new[] { X }, new TaskKey[] { "x" }, submitted),
            new ReleaseKeysInstruction(new TaskKey[] { "x" }, released),
        }));
        Assert.That(Submit([X], ["x"], Lib), Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Pending, incarnation: 2), Graph([X], "x") }), "offered once per session");
    }

    [Test]
    public void Code_AnotherBuildOfAnAssemblyInUse_Refused_NothingChanges()
    {
        Submit([X], ["x"], Lib);
        var refused = Submit([X with { Key = "y" }], ["y"], Lib with { Hash = "bb00000000000000" });
        Assert.Multiple(() =>
        {
            Assert.That(refused, Has.Count.EqualTo(1));
            Assert.That(((RefuseSubmitInstruction)refused[0]).Reason, Does.Contain("another build of assembly Lib"));
            Assert.That(_state.Find("y"), Is.Null);
        });
    }

    [Test]
    public void Code_CenterAsksForADependency_SentOnlyIfOffered()
    {
        Submit([X], ["x"], Lib with { Root = false });
        Assert.That(Handle(new CodeRequestedEvent(Lib.Hash, Next("code-requested"))), Is.EqualTo(new ClientInstruction[] { new SendCodeInstruction(Lib.Hash, true, Stimulus) }));
        Assert.That(Handle(new CodeRequestedEvent("cc", Next("code-requested"))), Is.EqualTo(new ClientInstruction[] { new SendCodeInstruction("cc", false, Stimulus) }));
    }

    [Test]
    public void Gather_ValueArrivesUnreadable_WaitersFailNamingKeyAndHolder_NotFetchedAgain()
    {
        Submit([X], ["x"]);
        InMemory("x", "w1", "w2");
        Want("x");
        var unreadable = Handle(new GatheredEvent("w1", [], [], Next("gathered")) { Unreadable = [new UnreadableValue("x", "5 bytes is not a whole number of Boolean values")] });
        var error = new ClientError(ClientErrorKind.Unreadable, "x", "x", null, "the value of 'x' from the worker at w1 could not be read: 5 bytes is not a whole number of Boolean values");
        Assert.That(unreadable, Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Erred, ["w1", "w2"], error), new FailWaitersInstruction(error, Stimulus) }));
    }

    [Test]
    public void Erred_WhileAwaited_WaitersFailNamingTheFailedTask()
    {
        Submit([X], ["x"]);
        Want("x");
        var boom = new ErrorInfo("System.InvalidOperationException", "boom", null);
        var erred = Handle(new KeyErredEvent("x", "input", boom, Next("center")));
        var error = new ClientError(ClientErrorKind.TaskFailed, "x", "input", boom, "task 'input' failed: System.InvalidOperationException: boom");
        Assert.That(erred, Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Erred, error: error), new FailWaitersInstruction(error, Stimulus) }));
    }

    [Test]
    public void Cancel_DropsTheKeyForEveryone_AndReleasesIt()
    {
        Submit([X], ["x", "x"]);
        Want("x");
        var cancelled = Handle(new KeysCancelledEvent(new[] { new KeyInterest("x", 1) }, Next("keys-cancelled")));
        var error = new ClientError(ClientErrorKind.Cancelled, "x", "x", null, "key 'x' was cancelled");
        Assert.That(cancelled, Is.EqualTo(new ClientInstruction[]
        {
            new FailWaitersInstruction(error, Stimulus),
            Changed("x", ClientKeyStatus.Cancelled, error: error),
            Changed("x", ClientKeyStatus.Forgotten, error: error),
            new ReleaseKeysInstruction(new TaskKey[] { "x" }, Stimulus),
        }));
    }

    [Test]
    public void CenterLost_PendingKeysFail_WaitersToo_NothingMoreIsSent()
    {
        Submit([X], ["x"]);
        Want("x");
        var lost = Handle(new CenterLostEvent("reset", Next("center-lost")));
        var error = new ClientError(ClientErrorKind.Lost, "x", "x", null, "the connection to the center is lost: reset");
        Assert.Multiple(() =>
        {
            Assert.That(lost, Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Lost, error: error), new FailWaitersInstruction(error, Stimulus) }));
            Assert.That(Release("x"), Is.EqualTo(new ClientInstruction[] { Changed("x", ClientKeyStatus.Forgotten, error: error) }), "no release goes to a lost center");
        });
    }

    [Test]
    public void Story_TellsEveryMoveOfAKey()
    {
        Submit([X], ["x"]);
        string submitted = Stimulus;
        InMemory("x", "w1");
        string arrived = Stimulus;
        Release("x");
        Assert.That(_state.Story("x"), Is.EqualTo(new TransitionRecord<ClientKeyStatus>[]
        {
            new("x", ClientKeyStatus.Released, ClientKeyStatus.Pending, submitted, T0),
            new("x", ClientKeyStatus.Pending, ClientKeyStatus.Memory, arrived, T0),
            new("x", ClientKeyStatus.Memory, ClientKeyStatus.Forgotten, Stimulus, T0),
        }));
    }

    [Test]
    public void Handle_UnknownEvent_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => _state.Handle(new UnknownEvent("unknown-1")));
        Assert.That(ex!.Message, Does.Contain(nameof(UnknownEvent)));
    }

    private sealed record UnknownEvent(string StimulusId) : ClientEvent(StimulusId);
}
