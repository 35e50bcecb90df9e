using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Blockwise fusion of block programs: an <c>array.map</c> producer read only by a program task
/// (<see cref="MapTask"/>, <see cref="ReduceTask"/>) is spliced into the consumer's program at
/// the instruction that loaded it, so <c>Random → ×2 → Sum</c> becomes one task per block that
/// streams tiles through the generator, the multiply and the accumulator without ever
/// materializing a block. Programs are postfix, so splicing is substitution of the producer's
/// code, its inputs and constants renumbered after the consumer's.
/// </summary>
internal sealed class ArrayFusionRule : IFusionRule
{
    public TaskNode? TryFuse(TaskNode consumer, Func<TaskKey, TaskNode?> inlinable)
    {
        IProgramTask? task = (IProgramTask?)MapTask.TryRead(consumer) ?? ReduceTask.TryRead(consumer);
        if (task is null)
            return null;
        var inputs = task.Inputs;
        var producers = new MapTask?[inputs.Count];
        var scalars = task.Program.Code.Where(c => c.Op == BlockOp.Scalar).Select(c => c.A).ToHashSet();
        bool any = false;
        foreach (var load in task.Program.Code.Where(c => c.Op == BlockOp.Input))
        {
            if (!scalars.Contains(load.A) && inputs[load.A] is TaskRef r && inlinable(r.Key) is { } node && MapTask.TryRead(node) is { } producer && producer.Program.OutputType == load.Type)
            {
                producers[load.A] = producer;
                any = true;
            }
        }
        return any ? Splice(task, producers).ToNode() : null;
    }

    private static IProgramTask Splice(IProgramTask task, MapTask?[] producers)
    {
        var newInputs = new List<TaskArg>();
        var inputMap = new int[producers.Length];
        for (int i = 0; i < producers.Length; i++)
        {
            if (producers[i] is null)
            {
                inputMap[i] = newInputs.Count;
                newInputs.Add(task.Inputs[i]);
            }
        }
        var code = new List<Instruction>();
        var constants = new List<long>(task.Program.Constants);
        foreach (var c in task.Program.Code)
        {
            if (!c.InputOperand)
            {
                code.Add(c);
                continue;
            }
            if (c.Op != BlockOp.Input || producers[c.A] is not { } producer)
            {
                code.Add(c with { A = inputMap[c.A] });
                continue;
            }
            int constantBase = constants.Count, inputBase = newInputs.Count;
            constants.AddRange(producer.Program.Constants);
            newInputs.AddRange(producer.Inputs);
            foreach (var p in producer.Program.Code)
            {
                code.Add(p with
                {
                    A = p.InputOperand ? p.A + inputBase : p.ConstantA ? p.A + constantBase : p.A,
                    B = p.ConstantB ? p.B + constantBase : p.B,
                });
            }
        }
        return task.With(new BlockProgram(code, [.. constants]), newInputs);
    }
}
