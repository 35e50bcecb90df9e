using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Blockwise fusion of block programs: an <c>array.map</c> producer read only by a program task
/// (<see cref="MapTask"/>, <see cref="ReduceTask"/>) is spliced into the consumer's program at
/// the instruction that loaded it, so <c>Random → ×2 → Sum</c> becomes one task per block that
/// streams tiles through the generator, the multiply and the accumulator without ever
/// materializing a block. Programs are postfix, so splicing is substitution of the producer's
/// code, its inputs, constants and registers renumbered after the consumer's. A producer the
/// consumer loads more than once (<c>Where(x &gt; 0.5, x * 2, x)</c>) is spliced at its first load
/// and kept in a register that the later loads reuse, so it is computed once per tile.
/// </summary>
internal sealed class ArrayFusionRule : IFusionRule
{
    public TaskNode? TryFuse(TaskNode consumer, Func<TaskKey, TaskNode?> inlinable)
    {
        IProgramTask? task = (IProgramTask?)MapTask.TryRead(consumer) ?? (IProgramTask?)ReduceTask.TryRead(consumer) ?? ScanTask.TryRead(consumer);
        if (task is null)
            return null;
        var inputs = task.Inputs;
        var producers = new MapTask?[inputs.Count];
        // Inputs read other than element by element (a scalar, an input repeated along an axis) stay inputs.
        // Plain loops, not LINQ: this runs once per node of every graph, and Where(...).Select(...) over
        // the instruction structs costs a generic virtual call resolved by the runtime each time.
        var code = task.Program.Code;
        var scalars = new HashSet<int>();
        foreach (var c in code)
        {
            if (c.Op is BlockOp.Scalar or BlockOp.InputAlong)
                scalars.Add(c.A);
        }
        bool any = false;
        foreach (var load in code)
        {
            if (load.Op == BlockOp.Input && !scalars.Contains(load.A) && inputs[load.A] is TaskRef r && inlinable(r.Key) is { } node && MapTask.TryRead(node) is { } producer
                && producer.Program.OutputType == load.Type && !ReadWhole(code, inputs, r.Key))
            {
                producers[load.A] = producer;
                any = true;
            }
        }
        return any ? Splice(task, producers).ToNode() : null;
    }

    /// <summary>Whether an input naming <paramref name="key"/> is read whole (as a scalar or along an axis) by <paramref name="code"/>.</summary>
    private static bool ReadWhole(IReadOnlyList<Instruction> code, IReadOnlyList<TaskArg> inputs, TaskKey key)
    {
        foreach (var c in code)
        {
            if (c.Op is BlockOp.Scalar or BlockOp.InputAlong && inputs[c.A] is TaskRef s && s.Key == key)
                return true;
        }
        return false;
    }

    private static IProgramTask Splice(IProgramTask task, MapTask?[] producers)
    {
        // Inputs that name the same key are one input: loaded (or spliced) once, reused after.
        var canonical = new int[producers.Length];
        var firstOfKey = new Dictionary<TaskKey, int>();
        for (int i = 0; i < producers.Length; i++)
            canonical[i] = task.Inputs[i] is TaskRef r ? (firstOfKey.TryAdd(r.Key, i) ? i : firstOfKey[r.Key]) : i;
        var newInputs = new List<TaskArg>();
        var inputMap = new int[producers.Length];
        for (int i = 0; i < producers.Length; i++)
        {
            if (producers[canonical[i]] is null && canonical[i] == i)
            {
                inputMap[i] = newInputs.Count;
                newInputs.Add(task.Inputs[i]);
            }
        }
        for (int i = 0; i < producers.Length; i++)
            inputMap[i] = inputMap[canonical[i]];
        var code = new List<Instruction>();
        var constants = new List<long>(task.Program.Constants);
        int registers = task.Program.Registers;
        var loads = task.Program.Code.Where(c => c.Op == BlockOp.Input).GroupBy(c => canonical[c.A]).ToDictionary(g => g.Key, g => g.Count());
        var kept = new Dictionary<int, int>();
        foreach (var c in task.Program.Code)
        {
            if (!c.InputOperand)
            {
                code.Add(c);
                continue;
            }
            int input = canonical[c.A];
            if (c.Op != BlockOp.Input || producers[input] is not { } producer)
            {
                code.Add(c with { A = inputMap[c.A] });
                continue;
            }
            if (kept.TryGetValue(input, out int register))
            {
                code.Add(new Instruction(BlockOp.Reuse, c.Type, register));
                continue;
            }
            int constantBase = constants.Count, inputBase = newInputs.Count, registerBase = registers;
            constants.AddRange(producer.Program.Constants);
            newInputs.AddRange(producer.Inputs);
            registers += producer.Program.Registers;
            foreach (var p in producer.Program.Code)
            {
                code.Add(p with
                {
                    A = p.InputOperand ? p.A + inputBase : p.ConstantA ? p.A + constantBase : p.RegisterOperand ? p.A + registerBase : p.A,
                    B = p.ConstantB ? p.B + constantBase : p.B,
                });
            }
            if (loads[input] > 1)
            {
                kept[input] = registers;
                code.Add(new Instruction(BlockOp.Keep, c.Type, registers++));
            }
        }
        return task.With(new BlockProgram(code, [.. constants]), newInputs);
    }
}
