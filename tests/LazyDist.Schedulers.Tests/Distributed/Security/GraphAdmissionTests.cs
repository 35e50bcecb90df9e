using System.Buffers;
using LazyDist.Collections;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;
using MessagePack;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>The center's own checks of submitted graphs: each refusal names what is wrong, reaches that client only, and the center carries on.</summary>
public class GraphAdmissionTests
{
    private static readonly TimeSpan Bound = GuardedCluster.Bound;
    private static readonly byte[] Node = new TaskNode(ArrayOperations.Increment, 1L).Serialize("n");

    [Test]
    public void Check_SelfDependentTask_RefusedNamingIt()
    {
        var refusal = GraphAdmission.Check(Graph(Task("a", "a")));
        Assert.That(refusal, Is.EqualTo(new GraphRefusal(new WireKey("a", -1), "task a depends on itself")));
    }

    [Test]
    public void Check_ThreeTasksInACycle_RefusedNamingTheCycle()
    {
        var refusal = GraphAdmission.Check(Graph(Task("root"), Task("a", "c", "root"), Task("b", "a"), Task("c", "b"), Task("top", "c")));
        Assert.That(refusal!.Reason, Is.EqualTo("tasks a -> c -> b depend on each other in a cycle"));
    }

    [Test]
    public void Check_DependenciesOutsideTheSubmission_Admitted()
    {
        Assert.That(GraphAdmission.Check(Graph(Task("b", "held-by-the-center"), Task("c", "b", "b"))), Is.Null);
    }

    [Test]
    public void Check_TaskSubmittedTwice_Refused()
    {
        Assert.That(GraphAdmission.Check(Graph(Task("a"), Task("a")))!.Reason, Is.EqualTo("task a is submitted twice"));
    }

    [Test]
    public void Check_NodeNested100000Deep_Refused()
    {
        var refusal = GraphAdmission.Check(Graph(new SubmittedTask(new WireKey("deep", 3), [], DeepNode(100_000), 0)));
        Assert.That(refusal!.Reason, Is.EqualTo($"task ('deep', 3) is refused: its arguments are nested more than {GraphAdmission.MaxNodeNesting} deep"));
    }

    [Test]
    public void Check_NodeNestedAsDeepAsAWorkerReads_Admitted()
    {
        Assert.That(GraphAdmission.Check(Graph(new SubmittedTask(new WireKey("d", -1), [], DeepNode(120), 0))), Is.Null);
    }

    [Test]
    public void Check_UnreadableNode_Refused()
    {
        var refusal = GraphAdmission.Check(Graph(new SubmittedTask(new WireKey("t", -1), [], [0x93, 0x01], 0)));
        Assert.That(refusal!.Reason, Does.StartWith("task t is refused: its bytes are not readable"));
    }

    [Test]
    public void Check_TasksSharingAHead_Admitted()
    {
        var (head, args) = TaskGraphSerializer.SerializeNodeParts("n", new TaskNode(ArrayOperations.Increment, 1L));
        var tasks = new[] { new SubmittedTask(new WireKey("a", -1), [], args, 0, Head: 0), new SubmittedTask(new WireKey("b", -1), [], args, 1, Head: 0) };
        Assert.That(GraphAdmission.Check(new SubmitGraphMessage(tasks, [tasks[1].Key], Heads: [head])), Is.Null);
    }

    [Test]
    public void Check_HeadIndexBeyondTheHeadsSent_RefusedNamingTheTask()
    {
        var (head, args) = TaskGraphSerializer.SerializeNodeParts("n", new TaskNode(ArrayOperations.Increment, 1L));
        var task = new SubmittedTask(new WireKey("a", 2), [], args, 0, Head: 1);
        var refusal = GraphAdmission.Check(new SubmitGraphMessage([task], [task.Key], Heads: [head]));
        Assert.That(refusal, Is.EqualTo(new GraphRefusal(task.Key, "task ('a', 2) names node head 1 of the 1 sent")));
    }

    [TestCase(new byte[] { 0x93, 0xa1, 0x61 }, "it is not the start of an [op, args] pair")]
    [TestCase(new byte[] { 0x92, 0x01 }, "it is not the start of an [op, args] pair")]
    [TestCase(new byte[] { 0x92, 0xa1, 0x61, 0x90 }, "bytes follow its op")]
    public void Check_HeadThatIsNotAnOp_Refused(byte[] head, string problem)
    {
        var task = new SubmittedTask(new WireKey("a", -1), [], [0x90], 0, Head: 0);
        var refusal = GraphAdmission.Check(new SubmitGraphMessage([task], [task.Key], Heads: [head]));
        Assert.That(refusal, Is.EqualTo(new GraphRefusal(null, $"a shared node head is refused: {problem}")));
    }

    [Test]
    public void Check_OverlongKeyName_Refused()
    {
        var refusal = GraphAdmission.Check(Graph(Task(new string('k', 5000))));
        Assert.That(refusal, Is.EqualTo(new GraphRefusal(null, "a key name of 5000 characters is longer than the 4096 allowed")));
    }

    [Test]
    public void Check_EmptyKeyName_ProtocolError()
    {
        Assert.Throws<WireProtocolException>(() => GraphAdmission.Check(Graph(Task(""))));
    }

    [Test, CancelAfter(120_000)]
    public async Task Submit_SelfDependentTaskByRawSocket_ThatClientToldWhy_CenterServesItAndOthers()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        using var raw = await RawPeer.ConnectAsync(cluster.Center.Address);
        await raw.SendAsync(RawPeer.Frame(RawPeer.Hello(cluster.Token)));
        Assert.That(await raw.ReceiveAsync(Bound), Is.TypeOf<WelcomeMessage>());

        await raw.SendAsync(RawPeer.Frame(Graph(Task("loop", "loop"))));
        var refused = (KeyErredMessage)await raw.ReceiveAsync(Bound);
        await cluster.Log.WaitForAsync(l => l.Contains("refused a graph of 1 tasks from the client at 127.0.0.1:")).WaitAsync(Bound);

        var good = new WireKey("good", -1);
        await raw.SendAsync(RawPeer.Frame(new SubmitGraphMessage([new SubmittedTask(good, [], Node, 0)], [good])));
        var held = await raw.ReceiveAsync(Bound);
        Assert.Multiple(async () =>
        {
            Assert.That(refused.Key, Is.EqualTo(new WireKey("loop", -1)));
            Assert.That(refused.ExceptionType, Is.EqualTo(typeof(GraphValidationException).FullName));
            Assert.That(refused.Text, Is.EqualTo("the center refused the graph: task loop depends on itself"));
            Assert.That(held, Is.TypeOf<KeyInMemoryMessage>(), "the same connection is served after the refusal");
            Assert.That(await cluster.StillServesAsync("after-cycle"), Is.EqualTo(42), "and so are other clients");
        });
    }

    [Test, CancelAfter(120_000)]
    public async Task Compute_ArgumentsNested1000Deep_CallFailsWithTheCentersReason()
    {
        await using var cluster = await GuardedCluster.StartAsync();
        TaskArg arg = 1;
        for (int i = 0; i < 1000; i++)
            arg = new ArgList([arg]);
        var graph = new TaskGraph { ["nested"] = TaskNode.List([arg]) };
        var ex = Assert.ThrowsAsync<TaskFailedException>(async () => await cluster.Client.ComputeAsync(graph, ["nested"]).AsTask().WaitAsync(Bound));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Message, Does.Contain("the center refused the graph: task nested is refused: its arguments are nested more than"));
            Assert.That(await cluster.StillServesAsync("after-nesting"), Is.EqualTo(42));
        });
    }

    private static SubmittedTask Task(string key, params string[] dependencies) =>
        new(new WireKey(key, -1), [.. dependencies.Select(d => new WireKey(d, -1))], Node, 0);

    private static SubmitGraphMessage Graph(params SubmittedTask[] tasks) => new(tasks, [tasks[^1].Key]);

    /// <summary>A list node whose argument is a list of a list of ... <paramref name="depth"/> deep, written without recursion.</summary>
    private static byte[] DeepNode(int depth)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(2);
        writer.Write("list");
        writer.WriteArrayHeader(1);
        for (int i = 0; i < depth; i++)
        {
            writer.WriteArrayHeader(2);
            writer.Write((byte)2);
            writer.WriteArrayHeader(1);
        }
        writer.WriteArrayHeader(2);
        writer.Write((byte)1);
        writer.WriteArrayHeader(2);
        writer.Write("x");
        writer.Write(-1);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
