namespace LazyDist.Distributed.States;

/// <summary>
/// A task's serialized node as the center keeps it: a head shared by every task of one operation
/// in a submitted part (its op, often hundreds of bytes of user code identity) and the task's own
/// argument bytes. Their concatenation is the node a worker reads. Equality compares those bytes.
/// </summary>
internal readonly struct NodeBytes : IEquatable<NodeBytes>
{
    private readonly byte[]? _head;
    private readonly byte[]? _tail;

    /// <param name="head">The shared head; not copied, never changed.</param>
    /// <param name="tail">The task's own bytes.</param>
    public NodeBytes(byte[] head, byte[] tail)
    {
        _head = head;
        _tail = tail;
    }

    /// <summary>The shared head (empty when the node is whole in <see cref="Tail"/>).</summary>
    public byte[] Head => _head ?? [];

    /// <summary>The task's own bytes.</summary>
    public byte[] Tail => _tail ?? [];

    /// <summary>The node's length in bytes.</summary>
    public int Length => Head.Length + Tail.Length;

    /// <summary>A node kept whole.</summary>
    public static implicit operator NodeBytes(byte[] whole) => new([], whole);

    /// <summary>A node kept whole.</summary>
    public static implicit operator NodeBytes(ValueList<byte> whole) => new([], whole.Items);

    /// <summary>The node's bytes in one array (the tail itself when there is no head).</summary>
    public byte[] ToArray()
    {
        if (Head.Length == 0)
            return Tail;
        var whole = new byte[Length];
        Head.CopyTo(whole, 0);
        Tail.CopyTo(whole, Head.Length);
        return whole;
    }

    public bool Equals(NodeBytes other) =>
        Length == other.Length && (Head.Length == other.Head.Length
            ? Head.AsSpan().SequenceEqual(other.Head) && Tail.AsSpan().SequenceEqual(other.Tail)
            : ToArray().AsSpan().SequenceEqual(other.ToArray()));

    public override bool Equals(object? obj) => obj is NodeBytes other && Equals(other);

    public override int GetHashCode() => Length;

    public static bool operator ==(NodeBytes left, NodeBytes right) => left.Equals(right);

    public static bool operator !=(NodeBytes left, NodeBytes right) => !left.Equals(right);

    public override string ToString() => $"<{Length} bytes>";
}
