using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LazyDist.Graph;
using LazyDist.Graph.Blocks;

namespace LazyDist.Collections;

/// <summary>
/// The built-in operations of bags, registered by name when this assembly loads: the pipeline run
/// (<c>bag.run</c>, with the user's functions as code in its arguments), taking one bucket of a split
/// partition, and counting a partition's elements. Registers the pipeline fusion rule and the block
/// form of groupings too.
/// </summary>
internal static class BagOperations
{
    public const string SegmentName = "bag.segment";
    public const string CountName = "bag.count";
    public const string OffsetsName = "bag.offsets";
    public const string TakenName = "bag.taken";

    private static readonly Lazy<bool> Registered = new(RegisterAll);

    public static OpRef Get(string name)
    {
        _ = Registered.Value;
        return OperationRegistry.Get(name);
    }

    private static bool RegisterAll()
    {
        OperationRegistry.Register(PipelineRun.Name, PipelineRun.Execute);
        OperationRegistry.Register(SegmentName, static a => ((ElementBlock)a[0]!).Segment((int)a[1]!));
        OperationRegistry.Register(CountName, static a => (long)((ElementBlock)a[0]!).Count, OpTraits.RetainsNoInput);
        OperationRegistry.Register(OffsetsName, static a => Offsets((object?[])a[0]!), OpTraits.RetainsNoInput);
        OperationRegistry.Register(TakenName, static a => (long)a[0]! + ((ElementBlock)a[1]!).Count, OpTraits.RetainsNoInput);
        FusionRules.Register(PipelineRun.Name, new PipelineFusionRule());
        ColumnCodecs.RegisterImplementation(typeof(IGrouping<,>), typeof(Grouping<,>));
        return true;
    }

    /// <summary>The number of elements before each partition, and the total last.</summary>
    private static long[] Offsets(object?[] counts)
    {
        var offsets = new long[counts.Length + 1];
        for (int i = 0; i < counts.Length; i++)
            offsets[i + 1] = offsets[i] + (long)counts[i]!;
        return offsets;
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Built-in operations must be resolvable by name as soon as the library is loaded, before any of its types is touched.")]
    internal static void RegisterOnLoad() => _ = Registered.Value;
}
