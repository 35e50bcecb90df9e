using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Graph.Tests.Scheduling;

/// <summary>The ambient default scheduler's scopes: nesting, restoring, and flowing with the code that set them.</summary>
public class DefaultSchedulerTests
{
    private readonly SynchronousScheduler _outer = new();
    private readonly ThreadedScheduler _inner = new(2);

    [Test]
    public void Current_NoScope_IsNull() => Assert.That(DefaultScheduler.Current, Is.Null);

    [Test]
    public void AsDefault_Disposed_RestoresNone()
    {
        var scope = _outer.AsDefault();
        Assert.That(DefaultScheduler.Current, Is.SameAs(_outer));
        scope.Dispose();
        Assert.That(DefaultScheduler.Current, Is.Null);
    }

    [Test]
    public void AsDefault_Nested_InnermostWins_ThenOuterComesBack()
    {
        using (_outer.AsDefault())
        {
            using (_inner.AsDefault())
                Assert.That(DefaultScheduler.Current, Is.SameAs(_inner));
            Assert.That(DefaultScheduler.Current, Is.SameAs(_outer));
        }
        Assert.That(DefaultScheduler.Current, Is.Null);
    }

    [Test]
    public void AsDefault_DisposedTwice_SecondDoesNothing()
    {
        using var outer = _outer.AsDefault();
        var inner = _inner.AsDefault();
        inner.Dispose();
        inner.Dispose();
        Assert.That(DefaultScheduler.Current, Is.SameAs(_outer));
    }

    [Test]
    public void AsDefault_OuterDisposedFirst_InnerStaysThenNoneIsLeft()
    {
        var outer = _outer.AsDefault();
        var inner = _inner.AsDefault();
        outer.Dispose();
        Assert.That(DefaultScheduler.Current, Is.SameAs(_inner), "the inner scope is still open");
        inner.Dispose();
        Assert.That(DefaultScheduler.Current, Is.Null, "the outer scope ended first and is not restored");
    }

    [Test, CancelAfter(30_000)]
    public async Task AsDefault_FlowsIntoAwaitsTaskRunAndThreads()
    {
        using var scope = _outer.AsDefault();
        await Task.Yield();
        var afterAwait = DefaultScheduler.Current;
        var inTaskRun = await Task.Run(() => DefaultScheduler.Current);
        IScheduler? inThread = null;
        var thread = new Thread(() => inThread = DefaultScheduler.Current);
        thread.Start();
        thread.Join();
        Assert.Multiple(() =>
        {
            Assert.That(afterAwait, Is.SameAs(_outer));
            Assert.That(inTaskRun, Is.SameAs(_outer));
            Assert.That(inThread, Is.SameAs(_outer));
        });
    }

    [Test, CancelAfter(30_000)]
    public async Task AsDefault_TwoFlows_EachSeesItsOwn()
    {
        using var gate = new Barrier(2);
        IScheduler? Observe(IScheduler scheduler)
        {
            using var scope = scheduler.AsDefault();
            gate.SignalAndWait(); // both scopes are open at once
            return DefaultScheduler.Current;
        }
        var seen = await Task.WhenAll(Task.Run(() => Observe(_outer)), Task.Run(() => Observe(_inner)));
        Assert.Multiple(() =>
        {
            Assert.That(seen[0], Is.SameAs(_outer));
            Assert.That(seen[1], Is.SameAs(_inner));
            Assert.That(DefaultScheduler.Current, Is.Null, "neither leaks into the caller");
        });
    }

    [Test, CancelAfter(30_000)]
    public async Task AsDefault_DisposedInAnotherFlow_EndsThereToo()
    {
        var scope = _outer.AsDefault();
        await Task.Run(scope.Dispose);
        Assert.That(DefaultScheduler.Current, Is.Null);
    }

    [Test]
    public void AsDefault_Null_Throws() =>
        Assert.That(() => DefaultScheduler.AsDefault(null!), Throws.ArgumentNullException);
}
