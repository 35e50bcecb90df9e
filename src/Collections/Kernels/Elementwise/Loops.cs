using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace LazyDist.Collections.Kernels.Elementwise;

/// <summary>
/// The generic loops every elementwise kernel runs through (as <c>TensorPrimitives</c>' drivers):
/// whole vectors, then the tail — element by element when the operator is exact, else padded into
/// one more vector, so an element's bits never depend on where in the block it sits. Destinations
/// may be the sources (in place).
/// </summary>
internal static class Loops
{
    public static void Unary<T, TOp>(ReadOnlySpan<T> x, Span<T> into)
        where T : unmanaged
        where TOp : IUnaryOperator<T>
    {
        int i = 0, n = x.Length;
        if (TOp.Vectorizable || !TOp.Exact)
        {
            ref T xs = ref MemoryMarshal.GetReference(x);
            ref T ds = ref MemoryMarshal.GetReference(into);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
                TOp.Invoke(Vector.LoadUnsafe(ref xs, (nuint)i)).StoreUnsafe(ref ds, (nuint)i);
            if (!TOp.Exact && i < n)
            {
                Span<T> pad = stackalloc T[Vector<T>.Count];
                x[i..].CopyTo(pad);
                TOp.Invoke(Vector.Create<T>(pad)).CopyTo(pad);
                pad[..(n - i)].CopyTo(into[i..]);
                return;
            }
        }
        for (; i < n; i++)
            into[i] = TOp.Invoke(x[i]);
    }

    public static void Binary<T, TOp>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> into)
        where T : unmanaged
        where TOp : IBinaryOperator<T>
    {
        int i = 0, n = x.Length;
        if (TOp.Vectorizable || !TOp.Exact)
        {
            ref T xs = ref MemoryMarshal.GetReference(x);
            ref T ys = ref MemoryMarshal.GetReference(y);
            ref T ds = ref MemoryMarshal.GetReference(into);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
                TOp.Invoke(Vector.LoadUnsafe(ref xs, (nuint)i), Vector.LoadUnsafe(ref ys, (nuint)i)).StoreUnsafe(ref ds, (nuint)i);
            if (!TOp.Exact && i < n)
            {
                Span<T> a = stackalloc T[Vector<T>.Count], b = stackalloc T[Vector<T>.Count];
                x[i..].CopyTo(a);
                y[i..].CopyTo(b);
                TOp.Invoke(Vector.Create<T>(a), Vector.Create<T>(b)).CopyTo(a);
                a[..(n - i)].CopyTo(into[i..]);
                return;
            }
        }
        for (; i < n; i++)
            into[i] = TOp.Invoke(x[i], y[i]);
    }

    /// <summary><c>x op y</c> for a scalar <paramref name="y"/> on the right.</summary>
    public static void BinaryRight<T, TOp>(ReadOnlySpan<T> x, T y, Span<T> into)
        where T : unmanaged
        where TOp : IBinaryOperator<T>
    {
        int i = 0, n = x.Length;
        if (TOp.Vectorizable || !TOp.Exact)
        {
            var vy = new Vector<T>(y);
            ref T xs = ref MemoryMarshal.GetReference(x);
            ref T ds = ref MemoryMarshal.GetReference(into);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
                TOp.Invoke(Vector.LoadUnsafe(ref xs, (nuint)i), vy).StoreUnsafe(ref ds, (nuint)i);
            if (!TOp.Exact && i < n)
            {
                Span<T> pad = stackalloc T[Vector<T>.Count];
                x[i..].CopyTo(pad);
                TOp.Invoke(Vector.Create<T>(pad), vy).CopyTo(pad);
                pad[..(n - i)].CopyTo(into[i..]);
                return;
            }
        }
        for (; i < n; i++)
            into[i] = TOp.Invoke(x[i], y);
    }

    /// <summary><c>x op y</c> for a scalar <paramref name="x"/> on the left.</summary>
    public static void BinaryLeft<T, TOp>(T x, ReadOnlySpan<T> y, Span<T> into)
        where T : unmanaged
        where TOp : IBinaryOperator<T>
    {
        int i = 0, n = y.Length;
        if (TOp.Vectorizable || !TOp.Exact)
        {
            var vx = new Vector<T>(x);
            ref T ys = ref MemoryMarshal.GetReference(y);
            ref T ds = ref MemoryMarshal.GetReference(into);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
                TOp.Invoke(vx, Vector.LoadUnsafe(ref ys, (nuint)i)).StoreUnsafe(ref ds, (nuint)i);
            if (!TOp.Exact && i < n)
            {
                Span<T> pad = stackalloc T[Vector<T>.Count];
                y[i..].CopyTo(pad);
                TOp.Invoke(vx, Vector.Create<T>(pad)).CopyTo(pad);
                pad[..(n - i)].CopyTo(into[i..]);
                return;
            }
        }
        for (; i < n; i++)
            into[i] = TOp.Invoke(x, y[i]);
    }

    /// <summary>A predicate of element pairs, as bytes 1 and 0.</summary>
    public static void Compare<T, TOp>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<byte> into)
        where T : unmanaged
        where TOp : IComparisonOperator<T>
    {
        int i = 0;
        if (MaskBytes.Supported<T>())
        {
            ref T xs = ref MemoryMarshal.GetReference(x);
            ref T ys = ref MemoryMarshal.GetReference(y);
            ref byte ds = ref MemoryMarshal.GetReference(into);
            for (; i <= x.Length - Vector256<T>.Count; i += Vector256<T>.Count)
                MaskBytes.Store(TOp.Invoke(Vector256.LoadUnsafe(ref xs, (nuint)i), Vector256.LoadUnsafe(ref ys, (nuint)i)), ref Unsafe.Add(ref ds, i));
        }
        for (; i < x.Length; i++)
            into[i] = TOp.Invoke(x[i], y[i]) ? (byte)1 : (byte)0;
    }

    public static void CompareRight<T, TOp>(ReadOnlySpan<T> x, T y, Span<byte> into)
        where T : unmanaged
        where TOp : IComparisonOperator<T>
    {
        int i = 0;
        if (MaskBytes.Supported<T>())
        {
            var vy = Vector256.Create(y);
            ref T xs = ref MemoryMarshal.GetReference(x);
            ref byte ds = ref MemoryMarshal.GetReference(into);
            for (; i <= x.Length - Vector256<T>.Count; i += Vector256<T>.Count)
                MaskBytes.Store(TOp.Invoke(Vector256.LoadUnsafe(ref xs, (nuint)i), vy), ref Unsafe.Add(ref ds, i));
        }
        for (; i < x.Length; i++)
            into[i] = TOp.Invoke(x[i], y) ? (byte)1 : (byte)0;
    }

    public static void Predicate<T, TOp>(ReadOnlySpan<T> x, Span<byte> into)
        where T : unmanaged
        where TOp : IPredicateOperator<T>
    {
        for (int i = 0; i < x.Length; i++)
            into[i] = TOp.Invoke(x[i]) ? (byte)1 : (byte)0;
    }

    /// <summary>Where the mask byte is non-zero, <paramref name="a"/>, else <paramref name="b"/>.</summary>
    public static void Where<T>(ReadOnlySpan<byte> mask, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> into)
        where T : unmanaged
    {
        int i = 0;
        if (MaskBytes.Supported<T>())
        {
            ref byte ms = ref MemoryMarshal.GetReference(mask);
            ref T xs = ref MemoryMarshal.GetReference(a);
            ref T ys = ref MemoryMarshal.GetReference(b);
            ref T ds = ref MemoryMarshal.GetReference(into);
            for (; i <= mask.Length - Vector256<T>.Count; i += Vector256<T>.Count)
                Vector256.ConditionalSelect(MaskBytes.Load<T>(ref Unsafe.Add(ref ms, i)), Vector256.LoadUnsafe(ref xs, (nuint)i), Vector256.LoadUnsafe(ref ys, (nuint)i)).StoreUnsafe(ref ds, (nuint)i);
        }
        for (; i < mask.Length; i++)
            into[i] = mask[i] != 0 ? a[i] : b[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<TTo> As<TFrom, TTo>(Span<TFrom> span) where TFrom : unmanaged where TTo : unmanaged => MemoryMarshal.Cast<TFrom, TTo>(span);
}
