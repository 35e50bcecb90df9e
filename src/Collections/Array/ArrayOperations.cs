using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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

    private static readonly Lazy<(OpRef Random, OpRef Sum)> Ops = new(() =>
    {
        OperationRegistry.Register<long, long>("scalar.inc", Scalars.Increment, OpTraits.RetainsNoInput);
        OperationRegistry.Register<long, long, long>("scalar.add", Scalars.Add, OpTraits.RetainsNoInput);
        OperationRegistry.Register<long[], long>("scalar.sum", Scalars.Sum, OpTraits.RetainsNoInput);
        return (
            OperationRegistry.Register<int, ulong, double[]>(RandomName, Chunks.Random, OpTraits.ReturnsFreshArray),
            OperationRegistry.Register<double[], double>(SumName, Chunks.Sum, OpTraits.RetainsNoInput));
    });

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

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Built-in operations must be resolvable by name as soon as the library is loaded, before any of its types is touched.")]
    internal static void RegisterOnLoad() => EnsureRegistered();
}
