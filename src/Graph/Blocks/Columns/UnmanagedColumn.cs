using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LazyDist.Graph.Blocks.Columns;

/// <summary>Values with no references (numbers, enums, structs of those) as their raw little-endian bytes.</summary>
internal sealed class UnmanagedColumn<T> : ColumnCodec<T>
{
    public override string Schema { get; } = $"raw({typeof(T).FullName},{Unsafe.SizeOf<T>()})";

    public override void Write(ReadOnlySpan<T> values, BlockWriter writer) => writer.WriteBytes(AsBytes(values));

    public override void Read(ref BlockReader reader, Span<T> into) =>
        reader.Take(checked(into.Length * Unsafe.SizeOf<T>())).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(into)), into.Length * Unsafe.SizeOf<T>()));

    public override long Estimate(T value) => Unsafe.SizeOf<T>();

    internal static ReadOnlySpan<byte> AsBytes(ReadOnlySpan<T> values) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(values)), values.Length * Unsafe.SizeOf<T>());
}
