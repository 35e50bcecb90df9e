using System.Buffers;

namespace LazyDist.Graph.Blocks.Columns;

/// <summary>A column of a reference type: one presence byte per value, then the non-null values by the inner codec.</summary>
internal sealed class NullableColumn<T>(ColumnCodec<T> inner) : ColumnCodec<T>
    where T : class
{
    public override string Schema { get; } = $"nullable({inner.Schema})";

    public override void Write(ReadOnlySpan<T> values, BlockWriter writer)
    {
        var present = ArrayPool<T>.Shared.Rent(Math.Max(1, values.Length));
        try
        {
            var flags = writer.GetSpan(values.Length);
            int count = 0;
            for (int i = 0; i < values.Length; i++)
            {
                flags[i] = values[i] is null ? (byte)0 : (byte)1;
                if (values[i] is { } value)
                    present[count++] = value;
            }
            writer.Advance(values.Length);
            inner.Write(present.AsSpan(0, count), writer);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(present, clearArray: true);
        }
    }

    public override void Read(ref BlockReader reader, Span<T> into)
    {
        var flags = reader.Take(into.Length);
        int count = 0;
        foreach (byte flag in flags)
            count += flag == 0 ? 0 : 1;
        var present = new T[count];
        inner.Read(ref reader, present);
        int next = 0;
        for (int i = 0; i < into.Length; i++)
            into[i] = flags[i] == 0 ? null! : present[next++];
    }

    public override long Estimate(T value) => value is null ? 8 : inner.Estimate(value);
}
