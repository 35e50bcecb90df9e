using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// A run of elements of one dtype on a block program's stack: either a window of an input block
/// or one of the program's own buffers. Viewed as a span of the dtype's storage type (a bool as a byte).
/// </summary>
internal readonly record struct Tile(Array Data, int Offset, DType Type)
{
    public Span<T> Span<T>(int length) where T : unmanaged
    {
        ref byte start = ref MemoryMarshal.GetArrayDataReference(Data);
        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref Unsafe.As<byte, T>(ref start), Offset), length);
    }
}
