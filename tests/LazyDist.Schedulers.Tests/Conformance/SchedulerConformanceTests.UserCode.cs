using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Conformance;

/// <summary>A record captured by test lambdas: records travel by their fields.</summary>
public sealed record Offset(long Amount, string Name);

public abstract partial class SchedulerConformanceTests
{
    private static long Square(long x) => x * x;

    [Test, CancelAfter(120_000)]
    public async Task UserCode_StaticAndNonCapturingLambda_Run()
    {
        var graph = new TaskGraph
        {
            ["x"] = TaskNode.FromValue(7L),
            ["square"] = TaskNode.Call<long, long>(Square, TaskArg.Ref("x")),
            ["text"] = TaskNode.Call((long v) => $"v={v}", TaskArg.Ref("square")),
        };
        var result = await ComputeAsync(graph, "text");
        Assert.That(result[0], Is.EqualTo("v=49"));
    }

    [Test, CancelAfter(120_000)]
    public async Task UserCode_CapturingLambda_SeesItsCapturedValues()
    {
        long bias = 1000;
        var offset = new Offset(5, "five");
        double[] weights = [0.5, 0.25];
        var graph = new TaskGraph();
        for (int i = 0; i < 20; i++)
            graph[("w", i)] = TaskNode.Call((long v) => (v + bias + offset.Amount) * weights[1], (long)i);
        graph["total"] = TaskNode.Call((object?[] parts) => parts.Sum(p => (double)p!) + offset.Name.Length,
            ArgList.OfRefs(Enumerable.Range(0, 20).Select(i => (TaskKey)("w", i))));
        var result = await ComputeAsync(graph, "total");
        Assert.That(result[0], Is.EqualTo(Enumerable.Range(0, 20).Sum(i => (i + 1005) * 0.25) + 4));
    }

    [Test, CancelAfter(120_000)]
    public async Task UserCode_DelayedWithLambdasAndArraySelect_SameAsSynchronous()
    {
        int scale = 3;
        var x = DistArray.Random(40_000, chunkSize: 10_000, seed: 11).Select(v => v * scale);
        var viaDelayed = Delayed.Call((double s) => Math.Round(s, 6), x.Sum());
        double expected = viaDelayed.Compute(new SynchronousScheduler());
        var result = await Scheduler.ComputeAsync(viaDelayed.GetGraph(), [viaDelayed.Key]).AsTask().WaitAsync(Bound);
        Assert.That(result[0], Is.EqualTo(expected));
    }

    [Test, CancelAfter(120_000)]
    public async Task UserCode_CapturedDelayed_IsComputedFirstAndSeenByTheFunction()
    {
        var basis = Delayed.Call((int v) => v * 10, 4);
        var uses = Delayed.Call((int v) => v + basis.Compute(), 2);
        Assert.That(uses.Graph.ContainsKey(basis.Key), Is.True, "the captured value's graph comes along");
        var result = await Scheduler.ComputeAsync(uses.GetGraph(), [uses.Key]).AsTask().WaitAsync(Bound);
        Assert.That(result[0], Is.EqualTo(42));
    }

    [Test, CancelAfter(120_000)]
    public async Task UserCode_RecordResults_TravelBetweenTasksAndToTheCaller()
    {
        var graph = new TaskGraph
        {
            ["made"] = TaskNode.Call((long v) => new Offset(v, "made"), 3L),
            ["doubled"] = TaskNode.Call((Offset o) => o with { Amount = o.Amount * 2 }, TaskArg.Ref("made")),
            ["pairs"] = TaskNode.Call((Offset o) => new List<(string, long)> { (o.Name, o.Amount) }, TaskArg.Ref("doubled")),
        };
        var result = await ComputeAsync(graph, "doubled", "pairs");
        Assert.That(result[0], Is.EqualTo(new Offset(6, "made")));
        Assert.That(result[1], Is.EqualTo(new List<(string, long)> { ("made", 6) }));
    }

    [Test, CancelAfter(120_000)]
    public async Task UserCode_LambdaThatThrows_ReachesCallerWithKeyAndType()
    {
        var graph = new TaskGraph { ["bad"] = TaskNode.Call((int v) => v > 0 ? throw new ArgumentOutOfRangeException(nameof(v), "too big") : v, 1) };
        var ex = Assert.ThrowsAsync<TaskFailedException>(async () => await ComputeAsync(graph, "bad"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo((TaskKey)"bad"));
            Assert.That(ex.ExceptionType, Is.EqualTo(typeof(ArgumentOutOfRangeException).FullName));
            Assert.That(ex.Message, Does.Contain("too big"));
        });
        var after = await ComputeAsync(new TaskGraph { ["ok"] = TaskNode.Call((int v) => v + 1, 1) }, "ok");
        Assert.That(after[0], Is.EqualTo(2));
    }

    /// <summary>
    /// An array of every primitive element type, literal in the graph and made by a task, joined by a task that needs two
    /// of them (on a cluster they come from two workers) and returned: a bool is one byte on the wire, a char two.
    /// </summary>
    [Test, CancelAfter(120_000)]
    public async Task ArraysOfEveryElementType_TravelBetweenTasksAndToTheCaller()
    {
        Array[] literals =
        [
            new[] { true, false, true }, new byte[] { 1, 255 }, new short[] { -3, short.MaxValue }, new[] { 5, -6, 7 },
            new[] { 7u, uint.MaxValue }, new[] { long.MinValue, 8L }, new[] { ulong.MaxValue }, new[] { 1.5f, -0f }, new[] { 2.5, double.NaN },
        ];
        var graph = new TaskGraph();
        var keys = new List<TaskKey>();
        for (int i = 0; i < literals.Length; i++)
        {
            graph[("literal", i)] = TaskNode.FromValue(literals[i]);
            graph[("made", i)] = TaskNode.Call((Array a) => (Array)a.Clone(), TaskArg.Ref(("literal", i)));
            graph[("joined", i)] = TaskNode.Call((Array a, Array b) => Joined(a, b), TaskArg.Ref(("made", i)), TaskArg.Ref(("literal", i)));
            keys.Add(("joined", i));
        }
        graph["chars"] = TaskNode.Call((string s) => s.ToCharArray(), "aé€");
        graph["chars-joined"] = TaskNode.Call((char[] a, char[] b) => (char[])Joined(a, b), TaskArg.Ref("chars"), TaskArg.Ref("chars"));
        keys.Add("chars-joined");
        var result = await ComputeAsync(graph, [.. keys]);
        for (int i = 0; i < literals.Length; i++)
            Assert.That(result[i], Is.EqualTo(Joined(literals[i], literals[i])).And.TypeOf(literals[i].GetType()), $"{literals[i].GetType().Name}");
        Assert.That(result[^1], Is.EqualTo("aé€aé€".ToCharArray()));
    }

    private static Array Joined(Array a, Array b)
    {
        var joined = Array.CreateInstance(a.GetType().GetElementType()!, a.Length + b.Length);
        Array.Copy(a, joined, a.Length);
        Array.Copy(b, 0, joined, a.Length, b.Length);
        return joined;
    }
}
