using System.Globalization;

namespace LazyDist.Collections.Kernels;

/// <summary>The reductions of arrays (numpy's names).</summary>
internal enum ReduceKind
{
    Sum,
    Prod,
    Min,
    Max,
    ArgMin,
    ArgMax,
    Count,
    Mean,
    Var,
    Std,
    Any,
    All,
    NanSum,
    NanProd,
    NanMin,
    NanMax,
    NanMean,
    NanVar,
    NanStd,
    NanArgMin,
    NanArgMax,
}

/// <summary>A reduction and its parameter (<c>ddof</c> for variances), written <c>var:1</c> in task graphs.</summary>
internal readonly record struct ReducerSpec(ReduceKind Kind, double Parameter = 0)
{
    public bool IsArg => Kind is ReduceKind.ArgMin or ReduceKind.ArgMax or ReduceKind.NanArgMin or ReduceKind.NanArgMax;

    /// <summary>Whether an empty input has a result (numpy's "identity"); min, max and the arg reductions have none.</summary>
    public bool HasIdentity => Kind is not (ReduceKind.Min or ReduceKind.Max or ReduceKind.NanMin or ReduceKind.NanMax) && !IsArg;

    /// <summary>numpy's name of the reduction, for messages.</summary>
    public string Name => Kind switch
    {
        ReduceKind.Min => "minimum",
        ReduceKind.Max => "maximum",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The element type of the result for input of <paramref name="input"/>, as numpy's.</summary>
    public DType ResultType(DType input) => Kind switch
    {
        ReduceKind.Sum or ReduceKind.Prod or ReduceKind.NanSum or ReduceKind.NanProd => input switch
        {
            DType.Float64 or DType.Float32 => input,
            DType.UInt8 or DType.UInt32 or DType.UInt64 => DType.UInt64,
            _ => DType.Int64,
        },
        ReduceKind.Min or ReduceKind.Max or ReduceKind.NanMin or ReduceKind.NanMax => input,
        ReduceKind.Any or ReduceKind.All => DType.Bool,
        ReduceKind.ArgMin or ReduceKind.ArgMax or ReduceKind.NanArgMin or ReduceKind.NanArgMax or ReduceKind.Count => DType.Int64,
        _ => input == DType.Float32 ? DType.Float32 : DType.Float64,
    };

    /// <inheritdoc/>
    public override string ToString() =>
        Parameter == 0 ? Kind.ToString().ToLowerInvariant() : string.Create(CultureInfo.InvariantCulture, $"{Kind.ToString().ToLowerInvariant()}:{Parameter:R}");

    /// <exception cref="ArgumentException">Not a reduction's text.</exception>
    public static ReducerSpec Parse(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? text : text[..colon];
        if (!Enum.TryParse<ReduceKind>(name, ignoreCase: true, out var kind) || name.Any(char.IsUpper))
            throw new ArgumentException($"unknown reduction '{text}'", nameof(text));
        double parameter = colon < 0 ? 0 : double.Parse(text.AsSpan(colon + 1), CultureInfo.InvariantCulture);
        return new(kind, parameter);
    }
}
