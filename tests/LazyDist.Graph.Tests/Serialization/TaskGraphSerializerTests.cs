using LazyDist.Schedulers;

namespace LazyDist.Graph.Tests.Serialization;

public class TaskGraphSerializerTests
{
    [Test]
    public void RoundTrip_SeedGraph_SameResultBitForBit()
    {
        var graph = GraphFixtures.Seed(chunks: 20, chunkSize: 1000);
        var copy = TaskGraph.Deserialize(graph.Serialize());
        var sync = new SynchronousScheduler();
        Assert.Multiple(() =>
        {
            Assert.That(copy.Keys, Is.EquivalentTo(graph.Keys));
            Assert.That(sync.Get(copy, "total"), Is.EqualTo(sync.Get(graph, "total")));
        });
    }

    [Test]
    public void RoundTrip_EveryLiteralType_Preserved()
    {
        object?[] literals = [null, true, 3, 4L, 5UL, 6.5, 7.25f, "text", new[] { 1.0, 2.0 }, new[] { 1f }, new[] { 1, 2 }, new[] { 3L }, new byte[] { 9 },
            new[] { true, false, true, true, false }, new short[] { -7 }, new[] { uint.MaxValue }, new[] { ulong.MaxValue }];
        var graph = new TaskGraph();
        for (int i = 0; i < literals.Length; i++)
            graph[("v", i)] = TaskNode.FromValue(literals[i]);
        var copy = TaskGraph.Deserialize(graph.Serialize());
        var values = new SynchronousScheduler().Get(copy, [.. Enumerable.Range(0, literals.Length).Select(i => (TaskKey)("v", i))]);
        Assert.That(values, Is.EqualTo(literals));
    }

    [Test]
    public void RoundTrip_NestedListsAndRefs_Preserved()
    {
        var graph = GraphFixtures.Diamond();
        graph["list"] = TaskNode.List([TaskArg.Ref("d"), new ArgList([1, TaskArg.Ref("a")])]);
        var copy = TaskGraph.Deserialize(graph.Serialize());
        var value = (object?[])new SynchronousScheduler().Get(copy, "list")!;
        Assert.Multiple(() =>
        {
            Assert.That(value[0], Is.EqualTo(5));
            Assert.That(value[1], Is.EqualTo(new object[] { 1, 1 }));
        });
    }

    [Test]
    public void Serialize_UserLambda_TravelsAsCode()
    {
        var graph = new TaskGraph { ["x"] = TaskNode.FromValue(41), ["f"] = TaskNode.Call((int x) => x + 1, TaskArg.Ref("x")) };
        var copy = TaskGraph.Deserialize(graph.Serialize());
        Assert.That(new SynchronousScheduler().Get(copy, "f"), Is.EqualTo(42));
    }

    [Test]
    public void Serialize_UnsupportedLiteral_RefusedNamingType()
    {
        var graph = new TaskGraph { ["v"] = TaskNode.FromValue(new Uri("http://example.invalid/")) };
        var ex = Assert.Throws<NotSupportedException>(() => graph.Serialize());
        Assert.That(ex!.Message, Does.Contain("System.Uri").And.Contain("task 'v'"));
    }

    [Test]
    public void Deserialize_Garbage_FormatException()
    {
        Assert.Throws<FormatException>(() => TaskGraph.Deserialize(new byte[] { 0x93, 0xff, 0x00, 0x13 }));
    }

    [Test]
    public void Deserialize_UnknownOperation_NamesIt()
    {
        var graph = new TaskGraph { ["v"] = TaskNode.FromValue(1) };
        byte[] bytes = graph.Serialize();
        // Rename the operation in place: "value" -> "valuf".
        int at = IndexOf(bytes, "value"u8.ToArray());
        bytes[at + 4] = (byte)'f';
        var ex = Assert.Throws<FormatException>(() => TaskGraph.Deserialize(bytes));
        Assert.That(ex!.Message, Does.Contain("'valuf'"));
    }

    private static int IndexOf(byte[] haystack, byte[] needle) =>
        Enumerable.Range(0, haystack.Length - needle.Length + 1).First(i => haystack.AsSpan(i, needle.Length).SequenceEqual(needle));
}
