using LazyDist.Graph;

namespace LazyDist.Collections.Kernels;

/// <summary>A task that runs a <see cref="BlockProgram"/> over its inputs: what blockwise fusion rewrites.</summary>
internal interface IProgramTask
{
    BlockProgram Program { get; }

    /// <summary>The blocks the program's <see cref="BlockOp.Input"/> and <see cref="BlockOp.Scalar"/> instructions read, by position.</summary>
    IReadOnlyList<TaskArg> Inputs { get; }

    /// <summary>The same task with another program over other inputs.</summary>
    IProgramTask With(BlockProgram program, IReadOnlyList<TaskArg> inputs);

    TaskNode ToNode();
}
