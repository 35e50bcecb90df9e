using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Graph.Tests.Code;

/// <summary>A captured record: records travel field by field.</summary>
public sealed record Scale(double Factor, string Label)
{
    public double Apply(double x) => x * Factor;
}

/// <summary>An ordinary class: refused, since a field-by-field copy could break its invariants.</summary>
public sealed class Counter
{
    public int Count { get; set; }
}

public class UserCodeTests
{
    private readonly int _fixtureField = 3;

    private static object? RoundTrip(TaskNode node)
    {
        var copy = TaskNode.Deserialize("t", node.Serialize("t"));
        Assert.That(copy.Op, Is.Not.SameAs(node.Op), "the operation was read back from bytes");
        return copy.Execute(_ => null);
    }

    private static int Twice(int x) => 2 * x;

    private static T First<T>(T[] items) => items[0];

    [Test]
    public void StaticMethod_RoundTrips() => Assert.That(RoundTrip(TaskNode.Call<int, int>(Twice, 21)), Is.EqualTo(42));

    [Test]
    public void NonCapturingLambda_RoundTrips() => Assert.That(RoundTrip(TaskNode.Call((string s) => s.ToUpperInvariant(), "ab")), Is.EqualTo("AB"));

    [Test]
    public void CapturingLambda_CapturedBoolAndCharArrays_KeepTheirLengths()
    {
        bool[] flags = [true, false, true, true, false];
        char[] letters = ['a', 'é', '€'];
        var node = TaskNode.Call((int x) => $"{flags.Length} {flags.Count(f => f)} {new string(letters)} {x}", 1);
        Assert.That(RoundTrip(node), Is.EqualTo("5 3 aé€ 1"));
    }

    [Test]
    public void CapturingLambda_CarriesItsCapturedValues()
    {
        int offset = 5;
        string suffix = "!";
        double[] weights = [0.5, 2.0];
        var scale = new Scale(10, "ten");
        var names = new List<string> { "a", "b" };
        var lookup = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };
        var node = TaskNode.Call((int x) => $"{x + offset}{suffix} {weights[1]} {scale.Apply(1)} {scale.Label} {names[1]} {lookup["b"]}", 1);
        Assert.That(RoundTrip(node), Is.EqualTo("6! 2 10 ten b 2"));
    }

    [Test]
    public void NestedClosureAndCapturedDelegate_RoundTrip()
    {
        int outer = 100;
        Func<int, int> inner = v => v + outer;
        int local = 1;
        var node = TaskNode.Call((int x) => inner(x) + local, 1);
        Assert.That(RoundTrip(node), Is.EqualTo(102));
    }

    [Test]
    public void InstanceMethodOfARecord_RoundTrips()
    {
        var scale = new Scale(3, "three");
        Assert.That(RoundTrip(TaskNode.Call<double, double>(scale.Apply, 2.0)), Is.EqualTo(6.0));
    }

    [Test]
    public void GenericMethod_RoundTrips() =>
        Assert.That(RoundTrip(TaskNode.Call<string[], string>(First, new Literal(new object?[] { "z" }))), Is.EqualTo("z"));

    [Test]
    public void CapturedThisOfAnOrdinaryClass_IsRefusedNamingFieldAndType()
    {
        var node = TaskNode.Call((int x) => x + _fixtureField, 1);
        var ex = Assert.Throws<NotSupportedException>(() => node.Serialize("k"));
        Assert.That(ex!.Message, Does.Contain("task 'k'").And.Contain("'this'").And.Contain(nameof(UserCodeTests)).And.Contain("not a record"));
    }

    [Test]
    public void CapturedStream_IsRefusedNamingField()
    {
        using var stream = new MemoryStream();
        var node = TaskNode.Call((int x) => x + stream.Length, 1);
        var ex = Assert.Throws<NotSupportedException>(() => node.Serialize("k"));
        Assert.That(ex!.Message, Does.Contain("'stream'").And.Contain("MemoryStream").And.Contain("belongs to this process"));
    }

    [Test]
    public void CapturedOrdinaryClassInsideARecordField_IsRefusedWithItsPath()
    {
        var counter = new Counter();
        var holder = new { Counter = counter };
        var node = TaskNode.Call((int x) => x + holder.Counter.Count, 1);
        var ex = Assert.Throws<NotSupportedException>(() => node.Serialize("k"));
        Assert.That(ex!.Message, Does.Contain("'holder.Counter'").And.Contain(nameof(Counter)));
    }

    [Test]
    public void SameLambda_IsWrittenOnceAndReadOnce()
    {
        Func<int, int> f = x => x * 3;
        var a = TaskNode.Call(f, 1);
        var b = TaskNode.Call(f, 2);
        var readA = TaskNode.Deserialize("a", a.Serialize("a"));
        var readB = TaskNode.Deserialize("b", b.Serialize("b"));
        Assert.That(readA.Op, Is.SameAs(readB.Op), "equal code is resolved once per process and resolver");
        Assert.That(readB.Execute(_ => null), Is.EqualTo(6));
    }

    [Test]
    public void UserOperation_RunsOnTheSynchronousSchedulerAfterARoundTrip()
    {
        int bias = 7;
        var graph = new TaskGraph { ["x"] = TaskNode.FromValue(1), ["y"] = TaskNode.Call((int v) => v + bias, TaskArg.Ref("x")) };
        Assert.That(new SynchronousScheduler().Get(TaskGraph.Deserialize(graph.Serialize()), "y"), Is.EqualTo(8));
    }
}
