using System.Collections.Concurrent;
using System.Numerics;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>The runner of each (reduction, element type), made once per process.</summary>
internal static class Reducers
{
    private static readonly ConcurrentDictionary<(ReduceKind, DType), IReduceRunner> Cache = new();

    /// <exception cref="NotSupportedException">The reduction does not exist for the type.</exception>
    public static IReduceRunner For(ReduceKind kind, DType input) =>
        Cache.GetOrAdd((kind, input), static key => NumericDispatch.Get<IReduceRunner, Factory>(key.Item2, new Factory(key.Item1, key.Item2)));

    private readonly struct Factory(ReduceKind kind, DType input) : INumericFunction<IReduceRunner>
    {
        public IReduceRunner Invoke<T>() where T : unmanaged, INumber<T>
        {
            bool floating = DTypes.IsFloating(input);
            return kind switch
            {
                ReduceKind.Sum when floating => new ReduceRunner<T, CompensatedSum, FloatSumReducer<T>>(input),
                ReduceKind.Sum => new ReduceRunner<T, long, IntegerSumReducer<T>>(input),
                ReduceKind.Min => new ReduceRunner<T, Extremum<T>, ExtremumReducer<T, Smallest<T>>>(input),
                ReduceKind.Max => new ReduceRunner<T, Extremum<T>, ExtremumReducer<T, Largest<T>>>(input),
                ReduceKind.ArgMin => new ReduceRunner<T, ArgState<T>, ArgExtremumReducer<T, Smallest<T>>>(input),
                ReduceKind.ArgMax => new ReduceRunner<T, ArgState<T>, ArgExtremumReducer<T, Largest<T>>>(input),
                ReduceKind.Count or ReduceKind.Mean or ReduceKind.Var or ReduceKind.Std => new ReduceRunner<T, Moments, MomentsReducer<T>>(input),
                ReduceKind.Prod when floating => new ReduceRunner<T, double, FloatProdReducer<T>>(input),
                ReduceKind.Prod => new ReduceRunner<T, long, IntegerProdReducer<T>>(input),
                ReduceKind.NanSum when floating => new ReduceRunner<T, CompensatedSum, NanSkipping<FloatSumReducer<T>, T, CompensatedSum>>(input),
                ReduceKind.NanSum => new ReduceRunner<T, long, IntegerSumReducer<T>>(input),
                ReduceKind.NanProd when floating => new ReduceRunner<T, double, NanSkipping<FloatProdReducer<T>, T, double>>(input),
                ReduceKind.NanProd => new ReduceRunner<T, long, IntegerProdReducer<T>>(input),
                ReduceKind.NanMin => new ReduceRunner<T, Extremum<T>, NanSkipping<ExtremumReducer<T, Smallest<T>>, T, Extremum<T>>>(input),
                ReduceKind.NanMax => new ReduceRunner<T, Extremum<T>, NanSkipping<ExtremumReducer<T, Largest<T>>, T, Extremum<T>>>(input),
                ReduceKind.NanArgMin => new ReduceRunner<T, ArgState<T>, NanSkipping<ArgExtremumReducer<T, Smallest<T>>, T, ArgState<T>>>(input),
                ReduceKind.NanArgMax => new ReduceRunner<T, ArgState<T>, NanSkipping<ArgExtremumReducer<T, Largest<T>>, T, ArgState<T>>>(input),
                ReduceKind.NanMean or ReduceKind.NanVar or ReduceKind.NanStd => new ReduceRunner<T, Moments, NanSkipping<MomentsReducer<T>, T, Moments>>(input),
                ReduceKind.Any when input == DType.Bool => new ReduceRunner<byte, byte, AnyReducer>(input),
                ReduceKind.All when input == DType.Bool => new ReduceRunner<byte, byte, AllReducer>(input),
                _ => throw new NotSupportedException($"no {kind} reduction of {DTypes.Name(input)} arrays"),
            };
        }
    }
}
