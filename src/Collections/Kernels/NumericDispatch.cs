using System.Numerics;

namespace LazyDist.Collections.Kernels;

/// <summary>Something to do with the storage type of a dtype, as a generic method.</summary>
internal interface INumericAction
{
    void Invoke<T>() where T : unmanaged, INumber<T>;
}

/// <summary>Something to compute with the storage type of a dtype, as a generic method.</summary>
internal interface INumericFunction<out TResult>
{
    TResult Invoke<T>() where T : unmanaged, INumber<T>;
}

/// <summary>Calls a generic action with the storage type of a dtype (a bool's is <see cref="byte"/>).</summary>
internal static class NumericDispatch
{
    public static void Run<TAction>(DType type, ref TAction action) where TAction : struct, INumericAction
    {
        switch (type)
        {
            case DType.Bool or DType.UInt8: action.Invoke<byte>(); break;
            case DType.Int16: action.Invoke<short>(); break;
            case DType.Int32: action.Invoke<int>(); break;
            case DType.UInt32: action.Invoke<uint>(); break;
            case DType.Int64: action.Invoke<long>(); break;
            case DType.UInt64: action.Invoke<ulong>(); break;
            case DType.Float32: action.Invoke<float>(); break;
            default: action.Invoke<double>(); break;
        }
    }

    public static TResult Get<TResult, TFunction>(DType type, TFunction function) where TFunction : struct, INumericFunction<TResult> => type switch
    {
        DType.Bool or DType.UInt8 => function.Invoke<byte>(),
        DType.Int16 => function.Invoke<short>(),
        DType.Int32 => function.Invoke<int>(),
        DType.UInt32 => function.Invoke<uint>(),
        DType.Int64 => function.Invoke<long>(),
        DType.UInt64 => function.Invoke<ulong>(),
        DType.Float32 => function.Invoke<float>(),
        _ => function.Invoke<double>(),
    };
}
