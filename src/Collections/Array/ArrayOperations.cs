using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// The built-in operations of arrays, registered by name when this assembly loads, so any
/// process that has loaded it can run every DistArray graph without code being shipped.
/// </summary>
public static class ArrayOperations
{
    /// <summary><c>Chunks.Random(int length, ulong seed)</c>.</summary>
    public const string RandomName = "array.random";

    /// <summary><c>Chunks.Sum(double[] chunk)</c>.</summary>
    public const string SumName = "array.sum";

    /// <summary>An elementwise block program materialized into a block (see <c>MapTask</c>).</summary>
    public const string MapName = "array.map";

    /// <summary>A block program reduced into a partial state (see <c>ReduceTask</c>).</summary>
    public const string ReduceName = "array.reduce";

    /// <summary>Partial states combined, in order, and optionally finished (see <c>CombineTask</c>).</summary>
    public const string CombineName = "array.combine";

    private const OpTraits Fresh = OpTraits.ReturnsFreshArray | OpTraits.RetainsNoInput;

    private static readonly Lazy<(OpRef Random, OpRef Sum)> Ops = new(RegisterAll);

    /// <summary>The operation that makes a random chunk.</summary>
    public static OpRef Random => Ops.Value.Random;

    /// <summary>The operation that sums a chunk or a list of partial sums.</summary>
    public static OpRef Sum => Ops.Value.Sum;

    /// <summary><see cref="Scalars.Increment"/>: <c>"scalar.inc"</c>.</summary>
    public static OpRef Increment => Registered("scalar.inc");

    /// <summary><see cref="Scalars.Add"/>: <c>"scalar.add"</c>.</summary>
    public static OpRef Add => Registered("scalar.add");

    /// <summary><see cref="Scalars.Sum"/>: <c>"scalar.sum"</c>.</summary>
    public static OpRef SumScalars => Registered("scalar.sum");

    private static OpRef Registered(string name)
    {
        EnsureRegistered();
        return OperationRegistry.Get(name);
    }

    /// <summary>Registers the array operations (idempotent; also done when this assembly loads).</summary>
    public static void EnsureRegistered() => _ = Ops.Value;

    internal static OpRef Get(string name)
    {
        EnsureRegistered();
        return OperationRegistry.Get(name);
    }

    private static (OpRef, OpRef) RegisterAll()
    {
        OperationRegistry.Register<long, long>("scalar.inc", Scalars.Increment, OpTraits.RetainsNoInput);
        OperationRegistry.Register<long, long, long>("scalar.add", Scalars.Add, OpTraits.RetainsNoInput);
        OperationRegistry.Register<long[], long>("scalar.sum", Scalars.Sum, OpTraits.RetainsNoInput);
        var random = OperationRegistry.Register<int, ulong, double[]>(RandomName, Chunks.Random, OpTraits.ReturnsFreshArray);
        var sum = OperationRegistry.Register<double[], double>(SumName, Chunks.Sum, OpTraits.RetainsNoInput);
        OperationRegistry.Register(MapName, MapTask.Run, Fresh);
        OperationRegistry.Register(ReduceName, ReduceTask.Run, Fresh);
        OperationRegistry.Register(CombineName, CombineTask.Run, Fresh);
        OperationRegistry.Register(ScanTask.Name, ScanTask.Run, Fresh);
        OperationRegistry.Register("array.assemble", ShapeKernels.Assemble, Fresh);
        OperationRegistry.Register("array.check", ShapeKernels.Check);
        OperationRegistry.Register("array.strided", IndexKernels.Strided, Fresh);
        OperationRegistry.Register("array.take", IndexKernels.Take, Fresh);
        OperationRegistry.Register("array.compress", IndexKernels.Compress, Fresh);
        OperationRegistry.Register("array.repeat", IndexKernels.Repeat, Fresh);
        OperationRegistry.Register("array.topk", OrderKernels.TopK, Fresh);
        OperationRegistry.Register("array.percentile", OrderKernels.Percentile, Fresh);
        OperationRegistry.Register("array.length", static a => IndexKernels.Length(a[0]), OpTraits.RetainsNoInput);
        OperationRegistry.Register("array.broadcast", ShapeKernels.Broadcast, Fresh);
        OperationRegistry.Register("array.transpose", ShapeKernels.Transpose, Fresh);
        OperationRegistry.Register("array.matmul", ShapeKernels.MatMul, Fresh);
        OperationRegistry.Register("array.addall", ShapeKernels.AddAll, Fresh);
        OperationRegistry.Register("array.first", static a => ShapeKernels.First(a[0]), OpTraits.RetainsNoInput);
        OperationRegistry.Register("array.npy-read", NpyKernels.ReadBlock, OpTraits.ReturnsFreshArray);
        OperationRegistry.Register("array.npy-write", NpyKernels.WriteBlock, OpTraits.RetainsNoInput);
        OperationRegistry.Register("array.total", static a => ((object?[])a[0]!).Sum(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)), OpTraits.RetainsNoInput);
        var rule = new ArrayFusionRule();
        FusionRules.Register(MapName, rule);
        FusionRules.Register(ReduceName, rule);
        FusionRules.Register(ScanTask.Name, rule);
        return (random, sum);
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Built-in operations must be resolvable by name as soon as the library is loaded, before any of its types is touched.")]
    internal static void RegisterOnLoad() => EnsureRegistered();
}
