using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Code;

/// <summary>How user assemblies reach workers: by hash, per client session, into collectible load contexts.</summary>
public class CodeShippingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static TaskGraph Apply(Func<int, int> f, int x) => new() { [Key(f)] = TaskNode.Call(f, x) };

    /// <summary>A key per build, as Delayed's tokens give (equal keys mean equal values, whichever client asks).</summary>
    private static TaskKey Key(Func<int, int> f) => $"apply-{f.Method.Module.ModuleVersionId}";

    [Test, CancelAfter(120_000)]
    public async Task TwoSessions_DifferentBuildsOfOneAssembly_RunSideBySide()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        await using var second = await DistributedScheduler.ConnectAsync(cluster.Center.Address);
        var v1 = EmittedAssemblies.Adder("LazyDist.Fixture.Versioned", 100);
        var v2 = EmittedAssemblies.Adder("LazyDist.Fixture.Versioned", 200);
        for (int round = 0; round < 2; round++)
        {
            var one = cluster.Client.ComputeAsync(Apply(v1, 1), [Key(v1)]).AsTask();
            var two = second.ComputeAsync(Apply(v2, 1), [Key(v2)]).AsTask();
            var results = await Task.WhenAll(one, two).WaitAsync(Bound);
            Assert.That((results[0][0], results[1][0]), Is.EqualTo((101, 201)), $"round {round}: each session runs its own build");
        }
        Assert.That(cluster.Workers[0].FetchedAssemblies, Is.EqualTo(2), "each build crossed the network once");
    }

    [Test, CancelAfter(120_000)]
    public async Task OneSession_AnotherBuildOfAnAssemblyItSent_IsRefusedNamingIt()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var v1 = EmittedAssemblies.Adder("LazyDist.Fixture.Rebuilt", 1);
        var v2 = EmittedAssemblies.Adder("LazyDist.Fixture.Rebuilt", 2);
        Assert.That((await cluster.ComputeAsync(Apply(v1, 1), [Key(v1)]).AsTask().WaitAsync(Bound))[0], Is.EqualTo(2));
        var ex = Assert.ThrowsAsync<NotSupportedException>(async () => await cluster.ComputeAsync(Apply(v2, 1), [Key(v2)]));
        Assert.That(ex!.Message, Does.Contain("LazyDist.Fixture.Rebuilt").And.Contain("another build"));
    }

    [Test, CancelAfter(120_000)]
    public async Task MissingDependency_FailsTheTaskNamingTheAssembly_WorkerCarriesOn()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var caller = EmittedAssemblies.CallerOfMissingDependency("LazyDist.Fixture.Caller", "LazyDist.Fixture.NowhereToBeFound");
        var ex = Assert.ThrowsAsync<TaskFailedException>(async () => await cluster.ComputeAsync(Apply(caller, 1), [Key(caller)]));
        Assert.That(ex!.Message, Does.Contain("LazyDist.Fixture.NowhereToBeFound"));
        var after = await cluster.ComputeAsync(new TaskGraph { ["ok"] = TaskNode.Call((int v) => v * 2, 21) }, ["ok"]).AsTask().WaitAsync(Bound);
        Assert.That(after[0], Is.EqualTo(42));
    }

    [Test, CancelAfter(120_000)]
    public async Task Dependency_TravelsOnlyWhenAWorkerNeedsIt()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var (own, forward, size, dependencySize) = EmittedAssemblies.WithDependency("LazyDist.Fixture.Program", "LazyDist.Fixture.Library", 10);
        Assert.That((await cluster.ComputeAsync(Apply(own, 1), [Key(own)]).AsTask().WaitAsync(Bound))[0], Is.EqualTo(2));
        Assert.That(cluster.Client.CodeBytesSent, Is.EqualTo(size), "the library was offered, not sent: nothing ran its code");
        var forwarded = new TaskGraph { ["forward"] = TaskNode.Call(forward, 1) };
        Assert.That((await cluster.ComputeAsync(forwarded, ["forward"]).AsTask().WaitAsync(Bound))[0], Is.EqualTo(11));
        Assert.That(cluster.Client.CodeBytesSent, Is.EqualTo(size + dependencySize), "the worker asked for the library, and the client sent it");
    }

    [Test, CancelAfter(120_000)]
    public async Task FirstSubmitterLeaves_AnotherClientWaitingForTheSameKey_StillGetsIt()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 0);
        await using var second = await DistributedScheduler.ConnectAsync(cluster.Center.Address);
        var leaving = await DistributedScheduler.ConnectAsync(cluster.Center.Address);
        var (_, forward, _, _) = EmittedAssemblies.WithDependency("LazyDist.Fixture.Shared", "LazyDist.Fixture.SharedLibrary", 41);
        var graph = new TaskGraph { ["shared"] = TaskNode.Call(forward, 1) }; // the worker finds the library through the first session
        var first = leaving.ComputeAsync(graph, ["shared"]).AsTask();
        await cluster.Center.WaitForAsync(s => s.Tasks.ContainsKey("shared"), default).WaitAsync(Bound);
        var waiting = second.ComputeAsync(graph, ["shared"]).AsTask();
        await cluster.Center.WaitForAsync(s => s.Tasks["shared"].WantedBy.Count == 2, default).WaitAsync(Bound);
        await leaving.DisposeAsync();
        Assert.That(async () => await first, Throws.InstanceOf<IOException>(), "the departed client's own computation ends with its connection");
        await using var worker = await WorkerHost.StartAsync(new WorkerOptions { CenterAddress = cluster.Center.Address, Threads = 1, Name = "late-worker" });
        var result = await waiting.WaitAsync(Bound);
        Assert.That(result[0], Is.EqualTo(42), "the session that submitted the task outlives its client while the task is needed");
    }

    [Test, CancelAfter(120_000)]
    public async Task SessionEnds_ItsLoadContextIsCollected()
    {
        await using var cluster = await InProcessCluster.StartAsync(workers: 1);
        var worker = cluster.Workers[0];
        var unloaded = new TaskCompletionSource<WeakReference>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.CodeUnloaded += (_, context) => unloaded.TrySetResult(context);
        var client = await DistributedScheduler.ConnectAsync(cluster.Center.Address);
        var adder = EmittedAssemblies.Adder("LazyDist.Fixture.Collectible", 5);
        Assert.That((await client.ComputeAsync(Apply(adder, 1), [Key(adder)]).AsTask().WaitAsync(Bound))[0], Is.EqualTo(6));
        await client.DisposeAsync();
        var context = await unloaded.Task.WaitAsync(Bound);
        for (int i = 0; i < 100 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.That(context.IsAlive, Is.False, "nothing keeps the session's load context alive once the session ended");
    }
}
