using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Names the tasks of block programs in pictures of graphs after the steps their programs run,
/// so a fused task reads as what it fused: <c>random-mul-sum</c> (a random block, times a
/// scalar, summed) rather than <c>array.reduce</c>. Read from the task's own instructions.
/// </summary>
internal static class ArrayTaskLabels
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Labels must be known whenever array tasks can exist, that is once this library is loaded.")]
    internal static void RegisterOnLoad()
    {
        TaskLabels.Register(ArrayOperations.MapName, static node => MapTask.TryRead(node) is { } map ? Steps(map.Program) : null);
        TaskLabels.Register(ArrayOperations.ReduceName, static node =>
            ReduceTask.TryRead(node) is { } reduce ? [.. Steps(reduce.Program), Name(reduce.Reducer.Kind)] : null);
        TaskLabels.Register(ArrayOperations.CombineName, static node =>
            node.Args.Count > 0 && node.Args[0] is Literal { Value: string reducer } ? [Name(ReducerSpec.Parse(reducer).Kind), "aggregate"] : null);
    }

    private static string Name(ReduceKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The steps of a block program that do something to the elements (loads and registers are not steps).</summary>
    private static List<string> Steps(BlockProgram program) =>
        [.. program.Code.Select(instruction => Step(instruction, program.Constants)).OfType<string>()];

    private static string? Step(Instruction instruction, long[] constants) => instruction.Op switch
    {
        BlockOp.Input or BlockOp.InputAlong or BlockOp.Scalar or BlockOp.Reuse or BlockOp.Keep => null,
        BlockOp.Constant => instruction.B < constants.Length ? ConstantName(instruction.Type, constants[instruction.B]) : "full",
        BlockOp.Negate => "neg",
        BlockOp.Subtract => "sub",
        BlockOp.Multiply => "mul",
        BlockOp.Divide => "div",
        BlockOp.Power => "pow",
        BlockOp.Cast => "astype",
        var op => op.ToString().ToLowerInvariant(),
    };

    /// <summary><c>zeros</c>, <c>ones</c> or <c>full</c>, as the array was made.</summary>
    private static string ConstantName(DType type, long bits) =>
        bits == 0 ? "zeros"
        : bits == (type switch { DType.Float64 => BlockProgram.Bits(1.0), DType.Float32 => BlockProgram.Bits(1f), _ => 1L }) ? "ones"
        : "full";
}
