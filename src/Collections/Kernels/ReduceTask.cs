using LazyDist.Collections.Kernels.Reductions;
using LazyDist.Graph;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// An <c>array.reduce</c> task: a block program reduced into a partial state (the raw bytes of one
/// state per output slot). Its node is <c>[string reducer, long[] geometry, int[] code, long[]
/// constants, inputs]</c>; this record is the only code that knows that layout.
/// </summary>
internal sealed record ReduceTask(ReducerSpec Reducer, ReduceGeometry Geometry, BlockProgram Program, IReadOnlyList<TaskArg> Inputs) : IProgramTask
{
    public TaskNode ToNode() =>
        new(ArrayOperations.Get(ArrayOperations.ReduceName), Reducer.ToString(), new Literal(Geometry.Encode()),
            new Literal(Program.EncodeCode()), new Literal(Program.Constants), new ArgList(Inputs));

    IProgramTask IProgramTask.With(BlockProgram program, IReadOnlyList<TaskArg> inputs) => this with { Program = program, Inputs = inputs };

    /// <summary>The task a node of <c>array.reduce</c> describes, or null for any other node.</summary>
    public static ReduceTask? TryRead(TaskNode node) =>
        node.Op.Name == ArrayOperations.ReduceName && node.Args is [Literal { Value: string spec }, Literal { Value: long[] geometry }, Literal { Value: int[] code }, Literal { Value: long[] constants }, ArgList inputs]
            ? new ReduceTask(ReducerSpec.Parse(spec), ReduceGeometry.Decode(geometry), BlockProgram.Decode(code, constants), inputs.Items)
            : null;

    /// <summary>Runs the task on its evaluated arguments.</summary>
    public static object Run(object?[] a)
    {
        var spec = ReducerSpec.Parse((string)a[0]!);
        var geometry = ReduceGeometry.Decode((long[])a[1]!);
        var program = BlockProgram.Decode((int[])a[2]!, (long[])a[3]!);
        var inputs = (object?[])a[4]!;
        if (geometry.Length < 0)
            geometry = geometry with { Sizes = [Blocks.LengthOfFirstInput(program, inputs)] };
        using var tiles = new TileProgram(program, inputs);
        return Reducers.For(spec.Kind, program.OutputType).Reduce(tiles, geometry);
    }
}

/// <summary>
/// An <c>array.combine</c> task: partial states merged in order, then optionally finished into
/// the result, converted to <see cref="Output"/> when that is not the reduction's own result type.
/// Its node is <c>[string reducer, string input dtype, string output dtype, bool finish, bool scalar, partials]</c>.
/// </summary>
internal sealed record CombineTask(ReducerSpec Reducer, DType Input, DType Output, bool Finish, bool Scalar, IReadOnlyList<TaskArg> Partials)
{
    public TaskNode ToNode() =>
        new(ArrayOperations.Get(ArrayOperations.CombineName), Reducer.ToString(), DTypes.Name(Input), DTypes.Name(Output), Finish, Scalar, new ArgList(Partials));

    /// <summary>Runs the task on its evaluated arguments.</summary>
    public static object Run(object?[] a)
    {
        var spec = ReducerSpec.Parse((string)a[0]!);
        var input = DTypes.Parse((string)a[1]!);
        var runner = Reducers.For(spec.Kind, input);
        var partials = (object?[])a[5]!;
        var state = (byte[])((byte[])partials[0]!).Clone();
        for (int i = 1; i < partials.Length; i++)
            runner.Merge(state, (byte[])partials[i]!);
        return (bool)a[3]! ? Result(runner.Finish(state, spec, scalar: false), spec.ResultType(input), DTypes.Parse((string)a[2]!), (bool)a[4]!) : state;
    }

    /// <summary>The finished values as <paramref name="output"/>, one value or an array.</summary>
    public static object Result(object values, DType type, DType output, bool scalar)
    {
        var array = type == output ? (Array)values : Blocks.Convert((Array)values, type, output);
        return scalar ? array.GetValue(0)! : array;
    }
}
