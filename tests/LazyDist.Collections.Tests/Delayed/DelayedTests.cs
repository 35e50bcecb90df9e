using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Delayed;

using Delayed = LazyDist.Collections.Delayed;

public class DelayedTests
{
    private static readonly SynchronousScheduler Sync = new();

    [Test]
    public void Value_Compute_ReturnsIt()
    {
        Assert.That(Delayed.Value(41).Compute(Sync), Is.EqualTo(41));
    }

    [Test]
    public void Call_ExecutionIsDeferred()
    {
        int calls = 0;
        var d = Delayed.Call((int x) => { calls++; return x + 1; }, 1);
        Assert.That(calls, Is.Zero, "building runs nothing");
        Assert.That(d.Compute(Sync), Is.EqualTo(2));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void Call_MixOfPlainAndDelayedArguments()
    {
        var a = Delayed.Call((int x) => x * 10, 4);
        var sum = Delayed.Call((int x, int y, int z) => x + y + z, a, 2, Delayed.Value(3));
        Assert.That(sum.Compute(Sync), Is.EqualTo(45));
    }

    [Test]
    public void Call_FourArguments()
    {
        var d = Delayed.Call((int a, long b, double c, string s) => $"{a}{b}{c}{s}", 1, 2L, 3.5, "x");
        Assert.That(d.Compute(Sync), Is.EqualTo("123.5x"));
    }

    [Test]
    public void Select_AppliesFunction()
    {
        Assert.That(Delayed.Value(3).Select(x => x * x).Select(x => $"n={x}").Compute(Sync), Is.EqualTo("n=9"));
    }

    [Test]
    public void All_GathersInOrder_AsTypedArray()
    {
        var items = Enumerable.Range(0, 5).Select(i => Delayed.Call((int x) => x * x, i));
        double[] squares = Delayed.All(items).Select(xs => xs.Select(x => (double)x).ToArray()).Compute(Sync);
        Assert.That(squares, Is.EqualTo(new double[] { 0, 1, 4, 9, 16 }));
    }

    [Test]
    public void All_Compute_ReturnsTypedArray()
    {
        int[] values = Delayed.All([Delayed.Value(1), Delayed.Value(2)]).Compute(Sync);
        Assert.That(values, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Keys_SameCall_SameKey()
    {
        Func<int, int> f = Twice;
        TaskKey first = Delayed.Call(f, 5).Key, second = Delayed.Call(f, 5).Key;
        Assert.That(first, Is.EqualTo(second));
    }

    [Test]
    public void Keys_DifferentArguments_DifferentKeys()
    {
        Func<int, int> f = Twice;
        Assert.That(Delayed.Call(f, 5).Key, Is.Not.EqualTo(Delayed.Call(f, 6).Key));
    }

    [Test]
    public void Keys_ClosuresWithDifferentCaptures_DifferentKeys()
    {
        var keys = new HashSet<TaskKey>();
        for (int i = 0; i < 3; i++)
        {
            int offset = i;
            keys.Add(Delayed.Call((int x) => x + offset, 1).Key);
        }
        Assert.That(keys, Has.Count.EqualTo(3));
    }

    [Test]
    public void Keys_ImpureCalls_Unique()
    {
        Func<int, int> f = Twice;
        TaskKey first = Delayed.Call(f, 5, pure: false).Key, second = Delayed.Call(f, 5, pure: false).Key;
        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public void Keys_NamedByUser()
    {
        var d = Delayed.Call((int x) => x, 1, key: ("answer", 2));
        Assert.Multiple(() =>
        {
            Assert.That(d.Key, Is.EqualTo((TaskKey)("answer", 2)));
            Assert.That(d.Graph.ContainsKey(("answer", 2)), Is.True);
        });
    }

    [Test]
    public void Keys_NameSaysTheFunction()
    {
        Func<int, int> f = Twice;
        Assert.That(Delayed.Call(f, 5).Key.Name, Does.StartWith("twice-"));
    }

    [Test]
    public void Graph_HoldsEveryTask()
    {
        var a = Delayed.Call((int x) => x + 1, 1);
        var b = Delayed.Call((int x, int y) => x * y, a, a);
        Assert.Multiple(() =>
        {
            Assert.That(b.Graph, Has.Count.EqualTo(2));
            Assert.That(b.Graph[b.Key].Dependencies, Is.EqualTo(new[] { a.Key }));
        });
    }

    [Test]
    public void Compute_SeveralAtOnce_SharedWorkRunsOnce()
    {
        int calls = 0;
        var shared = Delayed.Call((int x) => { Interlocked.Increment(ref calls); return x; }, 7);
        var left = shared.Select(x => x + 1);
        var right = shared.Select(x => x * 2);
        var (l, r) = Delayed.Compute(left, right, Sync);
        Assert.Multiple(() =>
        {
            Assert.That((l, r), Is.EqualTo((8, 14)));
            Assert.That(calls, Is.EqualTo(1));
        });
    }

    [Test]
    public void Compute_DefaultScheduler_IsThreaded()
    {
        Assert.That(Delayed.Call((int x) => x + 1, 1).Compute(), Is.EqualTo(2));
    }

    [Test, CancelAfter(30_000)]
    public async Task ComputeAsync_GivesTheValue()
    {
        Assert.That(await Delayed.Value(3).Select(x => x + 1).ComputeAsync(new ThreadedScheduler(2)), Is.EqualTo(4));
    }

    [Test]
    public void Compute_TaskThrows_TaskFailedWithTheKey()
    {
        var bad = Delayed.Call((int x) => x / (x - 1), 1);
        var ex = Assert.Throws<TaskFailedException>(() => bad.Compute(Sync));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo(bad.Key));
            Assert.That(ex.InnerException, Is.TypeOf<DivideByZeroException>());
        });
    }

    [Test]
    public void Select_10000LongChain_BuildsAndComputes()
    {
        Delayed<long> d = Delayed.Value(0L);
        for (int i = 0; i < 10_000; i++)
            d = d.Select(x => x + 1);
        Assert.That(d.Compute(Sync), Is.EqualTo(10_000L));
    }

    [Test]
    public void Call_BuiltinKernel_RecordedAsBuiltinOperation()
    {
        var chunk = Delayed.Call<int, ulong, double[]>(Chunks.Random, 10, 1UL);
        var sum = Delayed.Call(Chunks.Sum, chunk);
        var graph = sum.Graph;
        Assert.Multiple(() =>
        {
            Assert.That(graph.Values.Select(n => n.Op.Name), Is.EquivalentTo(new[] { "array.random", "array.sum" }));
            Assert.DoesNotThrow(() => graph.Serialize(), "built-in graphs travel");
        });
    }

    private static int Twice(int x) => 2 * x;
}
