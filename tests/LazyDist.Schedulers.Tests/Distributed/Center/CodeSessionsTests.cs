using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;

namespace LazyDist.Schedulers.Tests.Distributed.Center;

/// <summary>The center's code sessions with no I/O: offers, uploads, workers waiting for a dependency, sessions ending.</summary>
public class CodeSessionsTests
{
    private static readonly byte[] Image = [1, 2, 3];
    private static readonly string Hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Image));

    [Test]
    public void Offer_RootTheCenterLacks_AskedFor_DependencyNot()
    {
        var code = new CodeSessions();
        code.ClientJoined(1);
        var needed = code.Offer(1, [new CodeInfo("Root", Hash, 3, Root: true), new CodeInfo("Dep", "dd", 10, Root: false)]);
        Assert.That(needed, Is.EqualTo(new[] { Hash }));
    }

    [Test]
    public void Requested_DependencyNotYetSent_FetchedFromItsClientOnce_WaitersAnsweredWhenItComes()
    {
        var code = new CodeSessions();
        code.ClientJoined(1);
        code.Offer(1, [new CodeInfo("Dep", Hash, 3, Root: false)]);
        Assert.That(code.Requested(worker: 10, Hash), Is.EqualTo((new ValueList<CodeReply>(), (int?)1)));
        Assert.That(code.Requested(worker: 11, Hash), Is.EqualTo((new ValueList<CodeReply>(), (int?)null)), "one fetch from the client");
        Assert.That(code.Uploaded(Hash, Image).Select(r => (r.WorkerId, r.Hash)), Is.EqualTo(new[] { (10, Hash), (11, Hash) }));
        Assert.That(code.Requested(worker: 12, Hash).Replies.Single().Bytes, Is.EqualTo(Image), "held now");
    }

    [Test]
    public void Uploaded_BytesWithAnotherHash_RefusedWithItsOwnException()
    {
        var code = new CodeSessions();
        var ex = Assert.Throws<CodeStoreException>(() => code.Uploaded("00" + Hash[2..], Image));
        Assert.That(ex!.Message, Does.Contain("hash to"));
    }

    [Test]
    public void Offer_AnotherBuildInTheSameSession_Refused()
    {
        var code = new CodeSessions();
        code.Offer(1, [new CodeInfo("Lib", "aa00000000000000", 3, Root: false)]);
        Assert.Throws<CodeStoreException>(() => code.Offer(1, [new CodeInfo("Lib", "bb00000000000000", 3, Root: false)]));
    }

    [Test]
    public void ClientLeft_WithTasksRemaining_SessionEndsOnTheFirstTickAfterTheyAreGone_WaitersToldNotFound()
    {
        var code = new CodeSessions();
        code.ClientJoined(1);
        code.Offer(1, [new CodeInfo("Dep", Hash, 3, Root: false)]);
        code.Requested(worker: 10, Hash);
        Assert.That(code.ClientLeft(1, tasksRemaining: 2), Is.EqualTo((new ValueList<int>(), new ValueList<CodeReply>())), "another client may still need its tasks");
        int remaining = 2;
        Assert.That(code.Tick(_ => remaining).Ended, Is.Empty);
        remaining = 0;
        var (ended, replies) = code.Tick(_ => remaining);
        Assert.Multiple(() =>
        {
            Assert.That(ended, Is.EqualTo(new ValueList<int>(new[] { 1 })));
            Assert.That(replies, Is.EqualTo(new ValueList<CodeReply>(new[] { new CodeReply(10, Hash, null) })), "nobody is left to send it");
            Assert.That(code.Manifest(1), Is.Empty);
        });
    }
}
