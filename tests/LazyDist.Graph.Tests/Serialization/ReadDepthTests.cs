using System.Buffers;
using LazyDist.Schedulers;
using MessagePack;

namespace LazyDist.Graph.Tests.Serialization;

/// <summary>
/// Bytes nested far deeper than any writer nests, built without recursion: every reader refuses
/// them with a <see cref="FormatException"/>; before the bound, each one overflowed the stack and
/// ended the process (a worker, in the case).
/// </summary>
public class ReadDepthTests
{
    private const int Deep = 100_000;

    [Test]
    public void DeserializeNode_ArgumentsNested100000Deep_FormatExceptionNamingTheTask()
    {
        byte[] bytes = Build((ref MessagePackWriter writer) =>
        {
            writer.WriteArrayHeader(2);
            writer.Write("list");
            writer.WriteArrayHeader(1);
            for (int i = 0; i < Deep; i++)
            {
                writer.WriteArrayHeader(2);
                writer.Write((byte)2); // a list argument...
                writer.WriteArrayHeader(1); // ...of one argument
            }
            WriteRefArg(ref writer);
        });
        var ex = Assert.Throws<FormatException>(() => TaskNode.Deserialize(("deep", 7), bytes));
        Assert.That(ex!.Message, Does.Contain("its arguments are nested more than 256 deep").And.Contain("deep"));
    }

    [Test]
    public void DeserializeNode_InlineCallsNested100000Deep_FormatException()
    {
        byte[] bytes = Build((ref MessagePackWriter writer) =>
        {
            for (int i = 0; i < Deep; i++)
            {
                writer.WriteArrayHeader(2);
                writer.Write("list");
                writer.WriteArrayHeader(1);
                writer.WriteArrayHeader(2);
                writer.Write((byte)3); // an inline call
            }
            writer.WriteArrayHeader(2);
            writer.Write("list");
            writer.WriteArrayHeader(0);
        });
        var ex = Assert.Throws<FormatException>(() => TaskNode.Deserialize("calls", bytes));
        Assert.That(ex!.Message, Does.Contain("inline calls are nested more than"));
    }

    [Test]
    public void LiteralCodecRead_ListsNested100000Deep_FormatException()
    {
        byte[] bytes = Build((ref MessagePackWriter writer) =>
        {
            for (int i = 0; i < Deep; i++)
            {
                writer.WriteArrayHeader(2);
                writer.Write((byte)13); // a list literal of one item
                writer.WriteArrayHeader(1);
            }
            writer.WriteArrayHeader(2);
            writer.Write((byte)0);
            writer.WriteNil();
        });
        var ex = Assert.Throws<FormatException>(() => ReadLiteral(bytes));
        Assert.That(ex!.Message, Does.Contain("literal values are nested more than"));
    }

    [Test]
    public void CodeValuesRead_ArraysNested100000Deep_FormatException()
    {
        byte[] bytes = Build((ref MessagePackWriter writer) =>
        {
            for (int i = 0; i < Deep; i++)
            {
                writer.WriteArrayHeader(3);
                writer.Write((byte)17); // an object[] of one element
                WriteSharedType(ref writer, "System.Object");
                writer.WriteArrayHeader(1);
            }
            writer.WriteArrayHeader(1);
            writer.Write((byte)0);
        });
        var ex = Assert.Throws<FormatException>(() => CodeValues.Read(bytes, null));
        Assert.That(ex!.Message, Does.Contain("are nested more than 256 deep"), "refused while reading a value or the type of its elements");
    }

    [Test]
    public void CodeValuesRead_GenericTypeNested100000Deep_FormatException()
    {
        byte[] bytes = Build((ref MessagePackWriter writer) =>
        {
            writer.WriteArrayHeader(3);
            writer.Write((byte)20); // a List<T> whose T is List<List<...>>
            for (int i = 0; i < Deep; i++)
            {
                writer.WriteArrayHeader(3);
                writer.Write((byte)2);
                WriteSharedType(ref writer, "System.Collections.Generic.List`1");
                writer.WriteArrayHeader(1);
            }
            WriteSharedType(ref writer, "System.Int32");
            writer.WriteArrayHeader(0);
        });
        var ex = Assert.Throws<FormatException>(() => CodeValues.Read(bytes, null));
        Assert.That(ex!.Message, Does.Contain("type names are nested more than"));
    }

    [Test]
    public void RoundTrip_NestingWritersProduce_ReadBack()
    {
        TaskArg arg = TaskArg.Ref("x");
        for (int i = 0; i < 60; i++)
            arg = new ArgList([arg, i]);
        var graph = new TaskGraph { ["x"] = TaskNode.FromValue(1), ["nested"] = TaskNode.List([arg]) };
        var copy = TaskGraph.Deserialize(graph.Serialize());
        var sync = new SynchronousScheduler();
        Assert.That(sync.Get(copy, "nested"), Is.EqualTo(sync.Get(graph, "nested")));
    }

    [Test]
    public void CodeValuesRoundTrip_ValueNestedAsDeepAsWritersAllow_ReadBack()
    {
        Chain? chain = null;
        for (int i = 0; i < 40; i++)
            chain = new Chain(i, chain);
        var copy = (Chain?)CodeValues.Read(CodeValues.Write(chain), null);
        int depth = 0;
        for (var link = copy; link is not null; link = link.Next)
            depth++;
        Assert.That(depth, Is.EqualTo(40));
    }

    private sealed record Chain(int Value, Chain? Next);

    private static object? ReadLiteral(byte[] bytes)
    {
        var reader = new MessagePackReader(bytes);
        return LiteralCodec.Read(ref reader);
    }

    private delegate void Body(ref MessagePackWriter writer);

    private static byte[] Build(Body body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        body(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRefArg(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.Write((byte)1);
        writer.WriteArrayHeader(2);
        writer.Write("x");
        writer.Write(-1);
    }

    private static void WriteSharedType(ref MessagePackWriter writer, string name)
    {
        writer.WriteArrayHeader(3);
        writer.Write((byte)0);
        writer.Write("System.Private.CoreLib");
        writer.Write(name);
    }
}
