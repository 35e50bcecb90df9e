using System.Numerics;

namespace LazyDist.Collections;

/// <summary>
/// A computed n-D array held in memory: its <see cref="Shape"/>, row-major (C-order)
/// <see cref="Strides"/> in elements, and the flat <see cref="Data"/>; element
/// <c>[i, j, k]</c> is <c>Data[i·Strides[0] + j·Strides[1] + k·Strides[2]]</c>, as in numpy.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class DenseArray<T>
    where T : unmanaged
{
    private readonly int[] _shape;
    private readonly int[] _strides;

    /// <summary>Wraps <paramref name="data"/> (not copied) as an array of <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">The data's length is not the product of the shape.</exception>
    public DenseArray(int[] shape, T[] data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        if (shape.Any(s => s < 0) || Shapes.Product(shape) != data.Length)
            throw new ArgumentException($"{data.Length} elements do not make shape {Shapes.Text(shape)}", nameof(data));
        _shape = (int[])shape.Clone();
        Data = data;
        _strides = new int[shape.Length];
        int stride = 1;
        for (int axis = shape.Length - 1; axis >= 0; axis--)
        {
            _strides[axis] = stride;
            stride *= Math.Max(shape[axis], 1);
        }
    }

    /// <summary>The length of each axis.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>How far apart, in elements of <see cref="Data"/>, neighbours along each axis are.</summary>
    public IReadOnlyList<int> Strides => _strides;

    /// <summary>The number of axes.</summary>
    public int Rank => _shape.Length;

    /// <summary>The elements, row-major.</summary>
    public T[] Data { get; }

    /// <summary>The element at <paramref name="index"/> (one index per axis).</summary>
    /// <exception cref="ArgumentException">Wrong number of indices, or one out of range.</exception>
    public T this[params int[] index]
    {
        get => Data[Offset(index)];
        set => Data[Offset(index)] = value;
    }

    /// <summary>The elements as a .NET 2-D array (rank 2 only).</summary>
    /// <exception cref="InvalidOperationException">The array is not 2-D.</exception>
    public T[,] ToArray2D()
    {
        if (Rank != 2)
            throw new InvalidOperationException($"an array of shape {Shapes.Text(_shape)} is not 2-D");
        var result = new T[_shape[0], _shape[1]];
        for (int i = 0; i < _shape[0]; i++)
        {
            for (int j = 0; j < _shape[1]; j++)
                result[i, j] = Data[i * _strides[0] + j];
        }
        return result;
    }

    private int Offset(int[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Length != _shape.Length)
            throw new ArgumentException($"{index.Length} indices for an array of rank {_shape.Length}");
        int offset = 0;
        for (int axis = 0; axis < index.Length; axis++)
        {
            if ((uint)index[axis] >= (uint)_shape[axis])
                throw new ArgumentOutOfRangeException(nameof(index), $"index {index[axis]} is out of range for axis {axis} of length {_shape[axis]}");
            offset += index[axis] * _strides[axis];
        }
        return offset;
    }

    /// <inheritdoc/>
    public override string ToString() => $"DenseArray<{typeof(T).Name}>{Shapes.Text(_shape)}";
}
