using System.Buffers;
using System.Reflection;

namespace LazyDist.Graph.Blocks.Columns;

/// <summary>One member of a composite column: its values extracted by a compiled getter and written by the member type's codec.</summary>
internal interface IMemberColumn<T>
{
    string Schema { get; }

    void Write(ReadOnlySpan<T> values, BlockWriter writer);

    object Read(ref BlockReader reader, int count);

    long Estimate(T value);
}

/// <inheritdoc cref="IMemberColumn{T}"/>
internal sealed class MemberColumn<T, TMember>(MemberInfo member, ColumnCodec<TMember> codec) : IMemberColumn<T>
{
    private readonly Func<T, TMember> _get = CompositeShape.CompileGetter<T, TMember>(member);

    public string Schema { get; } = $"{member.Name}:{codec.Schema}";

    public void Write(ReadOnlySpan<T> values, BlockWriter writer)
    {
        var column = ArrayPool<TMember>.Shared.Rent(Math.Max(1, values.Length));
        try
        {
            for (int i = 0; i < values.Length; i++)
                column[i] = _get(values[i]);
            codec.Write(column.AsSpan(0, values.Length), writer);
        }
        finally
        {
            ArrayPool<TMember>.Shared.Return(column, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<TMember>());
        }
    }

    public object Read(ref BlockReader reader, int count)
    {
        var column = new TMember[count];
        codec.Read(ref reader, column);
        return column;
    }

    public long Estimate(T value) => codec.Estimate(_get(value));
}

/// <summary>Records, tuples, anonymous types and the like, member by member (see <see cref="CompositeShape"/>).</summary>
internal sealed class CompositeColumn<T> : ColumnCodec<T>
{
    private readonly IMemberColumn<T>[] _members;
    private readonly Func<object[], int, T> _make;
    private readonly bool _exactTypeOnly;

    public CompositeColumn(CompositeShape shape, object[] members)
    {
        _members = [.. members.Cast<IMemberColumn<T>>()];
        _make = shape.CompileFactory<T>();
        _exactTypeOnly = !typeof(T).IsValueType && !typeof(T).IsSealed;
        Schema = $"{typeof(T).FullName}{{{string.Join(",", _members.Select(m => m.Schema))}}}";
    }

    public override string Schema { get; }

    public override void Write(ReadOnlySpan<T> values, BlockWriter writer)
    {
        if (_exactTypeOnly)
        {
            foreach (var value in values)
            {
                if (value!.GetType() != typeof(T))
                    throw new NotSupportedException($"a {value.GetType()} in a block of {typeof(T)}: a block holds elements of exactly its type");
            }
        }
        foreach (var member in _members)
            member.Write(values, writer);
    }

    public override void Read(ref BlockReader reader, Span<T> into)
    {
        var columns = new object[_members.Length];
        for (int m = 0; m < columns.Length; m++)
            columns[m] = _members[m].Read(ref reader, into.Length);
        for (int i = 0; i < into.Length; i++)
            into[i] = _make(columns, i);
    }

    public override long Estimate(T value)
    {
        long size = typeof(T).IsValueType ? 0 : 24;
        foreach (var member in _members)
            size += member.Estimate(value);
        return size;
    }
}
