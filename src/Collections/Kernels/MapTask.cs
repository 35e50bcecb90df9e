using LazyDist.Graph;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// An <c>array.map</c> task: a block program materialized into a block of <see cref="Length"/>
/// elements (−1: as many as its first input has, for blocks of unknown size). Its node is
/// <c>[int[] code, long[] constants, int length, inputs]</c>; this record is the only code that knows that layout.
/// </summary>
internal sealed record MapTask(BlockProgram Program, int Length, IReadOnlyList<TaskArg> Inputs) : IProgramTask
{
    public TaskNode ToNode() =>
        new(ArrayOperations.Get(ArrayOperations.MapName), new Literal(Program.EncodeCode()), new Literal(Program.Constants), Length, new ArgList(Inputs));

    IProgramTask IProgramTask.With(BlockProgram program, IReadOnlyList<TaskArg> inputs) => this with { Program = program, Inputs = inputs };

    /// <summary>The task a node of <c>array.map</c> describes, or null for any other node.</summary>
    public static MapTask? TryRead(TaskNode node) =>
        node.Op.Name == ArrayOperations.MapName && node.Args is [Literal { Value: int[] code }, Literal { Value: long[] constants }, Literal { Value: int length }, ArgList inputs]
            ? new MapTask(BlockProgram.Decode(code, constants), length, inputs.Items)
            : null;

    /// <summary>Runs the task on its evaluated arguments.</summary>
    public static object Run(object?[] a)
    {
        var code = BlockProgram.Decode((int[])a[0]!, (long[])a[1]!);
        var inputs = (object?[])a[3]!;
        using var program = new TileProgram(code, inputs);
        int length = (int)a[2]!;
        return program.Materialize(length >= 0 ? length : Blocks.LengthOfFirstInput(code, inputs));
    }
}
