using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// How deep the containers of one MessagePack value nest, found by walking it with a stack of counts
/// instead of recursion, so the walk itself cannot be exhausted by what it measures.
/// </summary>
internal static class NodeNesting
{
    /// <summary>Whether <paramref name="bytes"/> hold one readable value nested at most <paramref name="max"/> containers deep.</summary>
    /// <param name="bytes">One MessagePack value, as received.</param>
    /// <param name="max">The deepest nesting allowed.</param>
    /// <param name="problem">Why not, when it does not.</param>
    public static bool IsWithin(ReadOnlyMemory<byte> bytes, int max, out string problem)
    {
        var remaining = new Stack<long>();
        var reader = new MessagePackReader(bytes);
        try
        {
            long values = 1; // items still to read at the current level
            while (values > 0 || remaining.Count > 0)
            {
                if (values == 0)
                {
                    values = remaining.Pop();
                    continue;
                }
                values--;
                long items = reader.NextMessagePackType switch
                {
                    MessagePackType.Array => reader.ReadArrayHeader(),
                    MessagePackType.Map => 2L * reader.ReadMapHeader(),
                    _ => Skip(ref reader),
                };
                if (items <= 0)
                    continue;
                if (remaining.Count + 1 > max)
                {
                    problem = $"its arguments are nested more than {max} deep";
                    return false;
                }
                remaining.Push(values);
                values = items;
            }
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException)
        {
            problem = $"its bytes are not readable: {e.Message}";
            return false;
        }
        problem = "";
        return true;
    }

    /// <summary>
    /// Whether <paramref name="head"/> is a node's head: the header of the <c>[op, args]</c> pair and
    /// the op (a built-in's name or a user operation's bytes), nothing else, so a node made of it and
    /// arguments reads as the pair.
    /// </summary>
    /// <param name="head">A node head as received: the op array's header and the op.</param>
    /// <param name="problem">Why not, when it is not.</param>
    public static bool IsHead(byte[] head, out string problem)
    {
        const byte PairHeader = 0x92; // a fixarray of two, as every writer of nodes writes it
        var reader = new MessagePackReader(head.AsMemory(Math.Min(1, head.Length)));
        try
        {
            if (head.Length < 2 || head[0] != PairHeader || reader.NextMessagePackType is not (MessagePackType.String or MessagePackType.Binary))
            {
                problem = "it is not the start of an [op, args] pair";
                return false;
            }
            reader.Skip();
            if (!reader.End)
            {
                problem = "bytes follow its op";
                return false;
            }
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException)
        {
            problem = $"its bytes are not readable: {e.Message}";
            return false;
        }
        problem = "";
        return true;
    }

    /// <summary>Steps over one value that is not a container (no recursion in the reader for those).</summary>
    private static long Skip(ref MessagePackReader reader)
    {
        reader.Skip();
        return 0;
    }
}
