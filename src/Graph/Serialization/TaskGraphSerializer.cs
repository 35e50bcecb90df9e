using System.Buffers;
using MessagePack;

namespace LazyDist.Graph;

/// <summary>
/// The MessagePack form of a graph: <c>[version, count, (key, node)*]</c>, a key as
/// <c>[name, index or -1]</c>, a node as <c>[op, args]</c>, an argument as
/// <c>[kind, payload]</c>. An op is a built-in's name, or the bytes of a user operation
/// (<see cref="UserOpCodec"/>), read back through an <see cref="IAssemblyResolver"/>.
/// </summary>
internal static class TaskGraphSerializer
{
    private const int Version = 1;
    private const byte LiteralKind = 0, RefKind = 1, ListKind = 2, CallKind = 3;

    /// <summary>A literal's write context that nothing was written through, kept for the next literal on this thread.</summary>
    [ThreadStatic]
    private static CodeWriteContext? s_unusedContext;

    public static byte[] Serialize(TaskGraph graph)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(2 + 2 * graph.Count);
        writer.Write(Version);
        writer.Write(graph.Count);
        foreach (var (key, node) in graph)
        {
            WriteKey(ref writer, key);
            WriteNode(ref writer, key, node, null);
        }
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One node on its own: <c>[op, args]</c>. <paramref name="key"/> names it in errors.</summary>
    /// <param name="key">The node's key.</param>
    /// <param name="node">The operation and arguments to encode.</param>
    /// <param name="userAssemblies">Receives the user assemblies its operations name, when given.</param>
    public static byte[] SerializeNode(TaskKey key, TaskNode node, ISet<System.Reflection.Assembly>? userAssemblies = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        WriteNode(ref writer, key, node, userAssemblies);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// One node as two parts whose concatenation is <see cref="SerializeNode"/>'s bytes: a head
    /// (the <c>[op, args]</c> array's header and the op), the same array for every task of one
    /// operation, so a million tasks of one function hold its bytes once; and the arguments.
    /// </summary>
    /// <param name="key">The node's key, for errors.</param>
    /// <param name="node">The operation and arguments to encode.</param>
    /// <param name="userAssemblies">Receives the user assemblies its operations name, when given.</param>
    /// <exception cref="NotSupportedException">The operation or a literal cannot travel; the message names the task.</exception>
    public static (byte[] Head, byte[] Args) SerializeNodeParts(TaskKey key, TaskNode node, ISet<System.Reflection.Assembly>? userAssemblies = null)
    {
        var buffer = Scratch ??= new ArrayBufferWriter<byte>();
        var op = node.Op;
        if (op.EncodedHead is not { } head)
        {
            buffer.ResetWrittenCount();
            var headWriter = new MessagePackWriter(buffer);
            headWriter.WriteArrayHeader(2);
            WriteOp(ref headWriter, key, op, null);
            headWriter.Flush();
            op.EncodedHead = head = buffer.WrittenSpan.ToArray();
        }
        if (!op.IsBuiltin && userAssemblies is not null)
            userAssemblies.UnionWith(op.UserImage.Assemblies);
        buffer.ResetWrittenCount();
        var writer = new MessagePackWriter(buffer);
        WriteArgs(ref writer, key, node, userAssemblies);
        writer.Flush();
        return (head, buffer.WrittenSpan.ToArray());
    }

    /// <summary>The buffer <see cref="SerializeNodeParts"/> writes in, one per thread.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? Scratch;

    /// <summary>Reads a node written by <see cref="SerializeNode"/>.</summary>
    public static TaskNode DeserializeNode(TaskKey key, ReadOnlyMemory<byte> bytes, IAssemblyResolver? resolver = null)
    {
        try
        {
            var reader = new MessagePackReader(bytes);
            return ReadNode(ref reader, key, resolver);
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"the bytes of task {key} are not a serialized task: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads a node sent as <see cref="SerializeNodeParts"/>' two parts. The head's operation is read
    /// once per head array (a worker keeps one array per head), so its tasks skip reading and hashing it.
    /// </summary>
    /// <param name="key">The node's key, for errors.</param>
    /// <param name="head">The <c>[op, args]</c> header and the op.</param>
    /// <param name="args">The encoded arguments that follow the head.</param>
    /// <param name="resolver">Resolves the user assemblies the op names.</param>
    /// <exception cref="FormatException">The bytes are not the two parts of a node; the message names the task.</exception>
    public static TaskNode DeserializeNodeParts(TaskKey key, byte[] head, ReadOnlyMemory<byte> args, IAssemblyResolver? resolver = null)
    {
        try
        {
            var op = CodeReadContext.For(resolver).HeadOp(head, bytes => ReadHead(key, bytes, resolver));
            var reader = new MessagePackReader(args);
            ReadDepth.Enter(ref reader, "its inline calls are", key);
            var node = new TaskNode(op, ReadArgs(ref reader, key, resolver), owned: true);
            if (!reader.End)
                throw new FormatException($"task {key} has bytes after its arguments");
            return node;
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"the bytes of task {key} are not a serialized task: {e.Message}", e);
        }
    }

    private static OpRef ReadHead(TaskKey key, byte[] head, IAssemblyResolver? resolver)
    {
        var reader = new MessagePackReader(head);
        if (reader.ReadArrayHeader() != 2)
            throw new FormatException($"task {key} is not an [op, args] pair");
        var op = ReadOp(ref reader, key, resolver);
        if (!reader.End)
            throw new FormatException($"the head of task {key} has bytes after its operation");
        return op;
    }

    private static void WriteNode(ref MessagePackWriter writer, TaskKey key, TaskNode node, ISet<System.Reflection.Assembly>? userAssemblies)
    {
        writer.WriteArrayHeader(2);
        WriteOp(ref writer, key, node.Op, userAssemblies);
        WriteArgs(ref writer, key, node, userAssemblies);
    }

    private static void WriteOp(ref MessagePackWriter writer, TaskKey key, OpRef op, ISet<System.Reflection.Assembly>? userAssemblies)
    {
        if (op.IsBuiltin)
        {
            writer.Write(op.Name);
            return;
        }
        UserOpImage image;
        try
        {
            image = op.UserImage;
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"task {key} cannot be sent to another process: {e.Message}", e);
        }
        writer.Write(image.Blob);
        userAssemblies?.UnionWith(image.Assemblies);
    }

    private static void WriteArgs(ref MessagePackWriter writer, TaskKey key, TaskNode node, ISet<System.Reflection.Assembly>? userAssemblies)
    {
        writer.WriteArrayHeader(node.Args.Count);
        foreach (var arg in node.Args)
            WriteArg(ref writer, arg, key, userAssemblies);
    }

    private static TaskNode ReadNode(ref MessagePackReader reader, TaskKey key, IAssemblyResolver? resolver)
    {
        ReadDepth.Enter(ref reader, "its inline calls are", key);
        if (reader.ReadArrayHeader() != 2)
            throw new FormatException($"task {key} is not an [op, args] pair");
        var op = ReadOp(ref reader, key, resolver);
        return new TaskNode(op, ReadArgs(ref reader, key, resolver), owned: true);
    }

    private static OpRef ReadOp(ref MessagePackReader reader, TaskKey key, IAssemblyResolver? resolver)
    {
        if (reader.NextMessagePackType == MessagePackType.Binary)
        {
            var blob = reader.ReadBytes() ?? throw new FormatException($"task {key} has no operation");
            return CodeReadContext.For(resolver).Op(blob.IsSingleSegment ? blob.First : blob.ToArray(), UserOpCodec.Read);
        }
        string opName = reader.ReadString() ?? throw new FormatException($"task {key} has no operation name");
        if (!OperationRegistry.TryGet(opName, out var builtin))
            throw new FormatException($"task {key} uses unknown operation '{opName}'");
        return builtin;
    }

    /// <summary>The arguments array, closing the nesting level the node's reader entered.</summary>
    private static TaskArg[] ReadArgs(ref MessagePackReader reader, TaskKey key, IAssemblyResolver? resolver)
    {
        var args = new TaskArg[reader.ReadArrayHeader()];
        for (int a = 0; a < args.Length; a++)
            args[a] = ReadArg(ref reader, key, resolver);
        ReadDepth.Leave(ref reader);
        return args;
    }

    public static TaskGraph Deserialize(ReadOnlyMemory<byte> bytes, IAssemblyResolver? resolver = null)
    {
        try
        {
            var reader = new MessagePackReader(bytes);
            int length = reader.ReadArrayHeader();
            int version = reader.ReadInt32();
            if (version != Version)
                throw new FormatException($"graph format version {version} is not supported (expected {Version})");
            int count = reader.ReadInt32();
            if (count < 0 || length != 2 + 2 * count)
                throw new FormatException($"graph header says {count} tasks in an array of {length}");
            var graph = new TaskGraph(count);
            for (int i = 0; i < count; i++)
            {
                var key = ReadKey(ref reader);
                graph[key] = ReadNode(ref reader, key, resolver);
            }
            return graph;
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"the bytes are not a serialized task graph: {e.Message}", e);
        }
    }

    private static void WriteKey(ref MessagePackWriter writer, TaskKey key)
    {
        writer.WriteArrayHeader(2);
        writer.Write(key.Name);
        writer.Write(key.Index ?? -1);
    }

    private static TaskKey ReadKey(ref MessagePackReader reader)
    {
        if (reader.ReadArrayHeader() != 2)
            throw new FormatException("a key must be a [name, index] pair");
        string name = reader.ReadString() ?? throw new FormatException("a key has no name");
        int index = reader.ReadInt32();
        return index < 0 ? new TaskKey(name) : new TaskKey(name, index);
    }

    private static void WriteArg(ref MessagePackWriter writer, TaskArg arg, TaskKey owner, ISet<System.Reflection.Assembly>? userAssemblies)
    {
        writer.WriteArrayHeader(2);
        switch (arg)
        {
            case Literal literal:
                writer.Write(LiteralKind);
                try
                {
                    var code = s_unusedContext ?? new CodeWriteContext();
                    s_unusedContext = null;
                    LiteralCodec.Write(ref writer, literal.Value, code);
                    if (code.IsUnused)
                        s_unusedContext = code; // most literals are numbers: one context serves them all
                    else
                        userAssemblies?.UnionWith(code.Assemblies);
                }
                catch (NotSupportedException e)
                {
                    throw new NotSupportedException($"task {owner}: {e.Message}", e);
                }
                break;
            case TaskRef reference:
                writer.Write(RefKind);
                WriteKey(ref writer, reference.Key);
                break;
            case ArgList list:
                writer.Write(ListKind);
                writer.WriteArrayHeader(list.Items.Count);
                foreach (var item in list.Items)
                    WriteArg(ref writer, item, owner, userAssemblies);
                break;
            case TaskCall call:
                writer.Write(CallKind);
                WriteNode(ref writer, owner, call.Node, userAssemblies);
                break;
        }
    }

    private static TaskArg ReadArg(ref MessagePackReader reader, TaskKey owner, IAssemblyResolver? resolver)
    {
        ReadDepth.Enter(ref reader, "its arguments are", owner);
        if (reader.ReadArrayHeader() != 2)
            throw new FormatException("an argument must be a [kind, payload] pair");
        byte kind = reader.ReadByte();
        TaskArg arg;
        switch (kind)
        {
            case LiteralKind:
                arg = new Literal(LiteralCodec.Read(ref reader, CodeReadContext.For(resolver)));
                break;
            case RefKind:
                arg = new TaskRef(ReadKey(ref reader));
                break;
            case ListKind:
                var items = new TaskArg[reader.ReadArrayHeader()];
                for (int i = 0; i < items.Length; i++)
                    items[i] = ReadArg(ref reader, owner, resolver);
                arg = new ArgList(items);
                break;
            case CallKind:
                arg = new TaskCall(ReadNode(ref reader, owner, resolver));
                break;
            default:
                throw new FormatException($"unknown argument kind {kind}");
        }
        ReadDepth.Leave(ref reader);
        return arg;
    }
}
