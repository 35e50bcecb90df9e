using System.Runtime.InteropServices;

namespace LazyDist.Graph.Blocks.Columns;

/// <summary>Which list types a <see cref="ListColumn{TList, TItem}"/> writes: arrays, <c>List&lt;T&gt;</c> and the read-only list interfaces.</summary>
internal static class ListColumns
{
    private static readonly Type[] Interfaces =
        [typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IList<>), typeof(ICollection<>)];

    /// <summary>The item type when <paramref name="type"/> is such a list, else null.</summary>
    public static Type? ItemType(Type type)
    {
        if (type.IsSZArray)
            return type.GetElementType();
        if (!type.IsGenericType)
            return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || Array.IndexOf(Interfaces, definition) >= 0 ? type.GetGenericArguments()[0] : null;
    }
}

/// <summary>Lists as one length per list and then all their items in one column; read back as arrays (or lists, for a <c>List&lt;T&gt;</c>).</summary>
internal sealed class ListColumn<TList, TItem>(ColumnCodec<TItem> items) : ColumnCodec<TList>
    where TList : class, IEnumerable<TItem>
{
    private static readonly bool IsList = typeof(TList) == typeof(List<TItem>);

    public override string Schema { get; } = $"list({items.Schema})";

    public override void Write(ReadOnlySpan<TList> values, BlockWriter writer)
    {
        var all = new List<TItem>();
        var lengths = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int before = all.Count;
            switch (values[i])
            {
                case TItem[] array: all.AddRange(array); break;
                case List<TItem> list: all.AddRange(CollectionsMarshal.AsSpan(list)); break;
                case var other: all.AddRange(other); break;
            }
            lengths[i] = all.Count - before;
        }
        writer.WriteValues<int>(lengths);
        writer.WriteInt32(all.Count);
        items.Write(CollectionsMarshal.AsSpan(all), writer);
    }

    public override void Read(ref BlockReader reader, Span<TList> into)
    {
        var lengths = new int[into.Length];
        reader.ReadValues<int>(lengths);
        var all = new TItem[reader.ReadCount(minBytes: 1)];
        items.Read(ref reader, all);
        int at = 0;
        for (int i = 0; i < into.Length; i++)
        {
            int length = lengths[i];
            if (length < 0 || length > all.Length - at)
                throw new FormatException($"list {i} of a block claims {length} items with only {all.Length - at} left");
            var part = all.AsSpan(at, length);
            into[i] = IsList ? (TList)(object)new List<TItem>(part.ToArray()) : (TList)(object)part.ToArray();
            at += length;
        }
    }

    public override long Estimate(TList value)
    {
        long size = 32;
        int seen = 0;
        foreach (var item in value)
        {
            if (seen++ == 8)
                break;
            size += items.Estimate(item);
        }
        int count = value switch { ICollection<TItem> c => c.Count, IReadOnlyCollection<TItem> r => r.Count, _ => seen };
        return seen == 0 ? size : 32 + (size - 32) * count / Math.Min(seen, 8);
    }
}

/// <summary>Values of an interface type written as the registered implementation (every value must be one).</summary>
internal sealed class ImplementationColumn<TInterface, TImplementation>(ColumnCodec<TImplementation> inner) : ColumnCodec<TInterface>
    where TImplementation : TInterface
{
    public override string Schema { get; } = $"as({inner.Schema})";

    public override void Write(ReadOnlySpan<TInterface> values, BlockWriter writer)
    {
        var concrete = new TImplementation[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            concrete[i] = values[i] is null ? default! : values[i] is TImplementation c ? c
                : throw new NotSupportedException($"a {values[i]!.GetType()} where a block of {typeof(TInterface)} can hold only {typeof(TImplementation)}");
        }
        inner.Write(concrete, writer);
    }

    public override void Read(ref BlockReader reader, Span<TInterface> into)
    {
        var concrete = new TImplementation[into.Length];
        inner.Read(ref reader, concrete);
        for (int i = 0; i < into.Length; i++)
            into[i] = concrete[i];
    }

    public override long Estimate(TInterface value) => value is TImplementation c ? inner.Estimate(c) : 8;
}
