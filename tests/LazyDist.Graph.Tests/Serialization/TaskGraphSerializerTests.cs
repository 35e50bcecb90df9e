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
    public void SerializeNodeParts_UserAndBuiltinOps_ConcatenateToSerializeNode_HeadSharedPerOperation()
    {
        Func<int, int> inc = x => x + 1;
        var first = TaskNode.Call(inc, 1);
        var second = TaskNode.Call(inc, TaskArg.Ref("a"));
        var builtin = TaskNode.FromValue(3);
        var assemblies = new HashSet<System.Reflection.Assembly>();
        var (head1, args1) = TaskGraphSerializer.SerializeNodeParts("b", first, assemblies);
        var (head2, args2) = TaskGraphSerializer.SerializeNodeParts("c", second);
        var (head3, args3) = TaskGraphSerializer.SerializeNodeParts("d", builtin);
        Assert.Multiple(() =>
        {
            Assert.That(head1.Concat(args1), Is.EqualTo(TaskGraphSerializer.SerializeNode("b", first)));
            Assert.That(head2.Concat(args2), Is.EqualTo(TaskGraphSerializer.SerializeNode("c", second)));
            Assert.That(head3.Concat(args3), Is.EqualTo(TaskGraphSerializer.SerializeNode("d", builtin)));
            Assert.That(head2, Is.SameAs(head1), "one function, one head");
            Assert.That(assemblies, Does.Contain(typeof(TaskGraphSerializerTests).Assembly));
        });
    }

    [Test]
    public void DeserializeNodeParts_LiteralsRefsListsAndInlineCalls_SameDependenciesAndResultAsTheOriginal()
    {
        var list = OperationRegistry.Get(CoreOperations.List); // a builtin: its node's dependencies come from its arguments alone
        var nodes = new[]
        {
            new TaskNode(list, 2L, 3L),
            new TaskNode(list, TaskArg.Ref("b"), TaskArg.Ref("a")),
            new TaskNode(list, new TaskCall(new TaskNode(list, TaskArg.Ref("c"), 1L)), TaskArg.Ref("a")),
            TaskNode.Call((object?[] xs) => xs.Length, ArgList.OfRefs(["a", "b", "a"])),
        };
        var values = new Dictionary<TaskKey, object?> { ["a"] = 10L, ["b"] = 20L, ["c"] = 30L };
        Assert.Multiple(() =>
        {
            foreach (var node in nodes)
            {
                var (head, args) = TaskGraphSerializer.SerializeNodeParts("n", node);
                var back = TaskGraphSerializer.DeserializeNodeParts("n", head, args);
                Assert.That(back.Dependencies, Is.EqualTo(node.Dependencies));
                Assert.That(back.Execute(k => values[k]), Is.EqualTo(node.Execute(k => values[k])));
            }
            Assert.That(nodes[0].Dependencies, Is.Empty);
            Assert.That(nodes[2].Dependencies, Is.EqualTo(new TaskKey[] { "c", "a" }));
        });
    }

    [Test]
    public void Call_OneNonCapturingFunction_SharesItsOperation_ACapturingOneDoesNot()
    {
        int offset = 2;
        Func<int, int> capturing = x => x + offset;
        Func<int, int> triple = x => x * 3;
        Assert.Multiple(() =>
        {
            Assert.That(TaskNode.Call(triple, 1).Op, Is.SameAs(TaskNode.Call(triple, 2).Op));
            Assert.That(TaskNode.Call(capturing, 1).Op, Is.Not.SameAs(TaskNode.Call(capturing, 2).Op));
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
