using System.Diagnostics.CodeAnalysis;
using System.Globalization;
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
        TaskLabels.Register(ArrayOperations.MapName, static node => Program(node, codesAt: 0));
        TaskLabels.Register(ArrayOperations.ReduceName, static node =>
            node.Args[0] is Literal { Value: string reducer } && Program(node, codesAt: 2) is { } steps ? [.. steps, reducer] : null);
        TaskLabels.Register(ArrayOperations.CombineName, static node =>
            node.Args[0] is Literal { Value: string reducer } ? [reducer, "aggregate"] : null);
    }

    /// <summary>The steps of the block program whose codes and constants start at argument <paramref name="codesAt"/>.</summary>
    private static List<string>? Program(TaskNode node, int codesAt)
    {
        if (node.Args.Count <= codesAt + 1 || node.Args[codesAt] is not Literal { Value: int[] codes } || node.Args[codesAt + 1] is not Literal { Value: Array consts })
            return null;
        var steps = new List<string>();
        for (int i = 0; i + 2 < codes.Length; i += 3)
        {
            if (Step(codes[i], codes[i + 2], consts) is { } step)
                steps.Add(step);
        }
        return steps;
    }

    private static string? Step(int code, int constant, Array consts) => code switch
    {
        ProgramCode.In => null,
        ProgramCode.Random => "random",
        ProgramCode.Normal => "normal",
        ProgramCode.Arange => "arange",
        ProgramCode.Linspace => "linspace",
        ProgramCode.Const => constant < consts.Length ? Convert.ToDouble(consts.GetValue(constant), CultureInfo.InvariantCulture) switch { 0 => "zeros", 1 => "ones", _ => "full" } : "full",
        ProgramCode.Neg => "neg",
        ProgramCode.Abs => "abs",
        ProgramCode.Sqrt => "sqrt",
        ProgramCode.Exp => "exp",
        ProgramCode.Log => "log",
        >= ProgramCode.Add => ((code - ProgramCode.Add) % ProgramCode.ScalarRight) switch
        {
            0 => "add",
            1 => "sub",
            2 => "mul",
            3 => "div",
            4 => "pow",
            5 => "minimum",
            6 => "maximum",
            _ => null,
        },
        _ => null,
    };
}
