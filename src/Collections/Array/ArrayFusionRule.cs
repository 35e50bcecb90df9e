using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Blockwise fusion of block programs: an <c>array.map</c> producer read only by an
/// <c>array.map</c> or <c>array.reduce</c> consumer is spliced into the consumer's program at
/// the instruction that loaded it, so <c>Random → ×2 → Sum</c> becomes one task per block that
/// streams tiles through the generator, the multiply and the accumulator without ever
/// materializing a block. Programs are postfix, so splicing is textual substitution with the
/// producer's inputs, constants and seeds renumbered after the consumer's.
/// </summary>
internal sealed class ArrayFusionRule : IFusionRule
{
    public TaskNode? TryFuse(TaskNode consumer, Func<TaskKey, TaskNode?> inlinable)
    {
        bool reduce = consumer.Op.Name == ArrayOperations.ReduceName;
        int codesAt = reduce ? 2 : 0;
        if (consumer.Args[codesAt] is not Literal { Value: int[] codes } ||
            consumer.Args[codesAt + 1] is not Literal { Value: Array consts } ||
            consumer.Args[codesAt + 2] is not Literal { Value: long[] seeds } ||
            consumer.Args[^1] is not ArgList inputs)
            return null;

        var producers = new TaskNode?[inputs.Items.Count];
        bool any = false;
        for (int i = 0; i < producers.Length; i++)
        {
            if (inputs.Items[i] is TaskRef r && inlinable(r.Key) is { Op.Name: ArrayOperations.MapName } p &&
                p.Args[1] is Literal { Value: Array pc } && pc.GetType() == consts.GetType() && p.Args[4] is ArgList)
            {
                producers[i] = p;
                any = true;
            }
        }
        if (!any)
            return null;

        var newInputs = new List<TaskArg>();
        var inputMap = new int[producers.Length];
        for (int i = 0; i < producers.Length; i++)
        {
            if (producers[i] is null)
            {
                inputMap[i] = newInputs.Count;
                newInputs.Add(inputs.Items[i]);
            }
        }
        var newCodes = new List<int>(codes.Length * 2);
        var newConsts = new List<object?>(consts.Cast<object?>());
        var newSeeds = new List<long>(seeds);
        for (int c = 0; c < codes.Length; c += 3)
        {
            int code = codes[c], a = codes[c + 1], b = codes[c + 2];
            if (code != ProgramCode.In)
            {
                newCodes.AddRange([code, a, b]);
                continue;
            }
            if (producers[a] is not { } producer)
            {
                newCodes.AddRange([code, inputMap[a], b]);
                continue;
            }
            var pCodes = (int[])((Literal)producer.Args[0]).Value!;
            var pConsts = (Array)((Literal)producer.Args[1]).Value!;
            var pSeeds = (long[])((Literal)producer.Args[2]).Value!;
            var pInputs = ((ArgList)producer.Args[4]).Items;
            int constBase = newConsts.Count, seedBase = newSeeds.Count, inputBase = newInputs.Count;
            newConsts.AddRange(pConsts.Cast<object?>());
            newSeeds.AddRange(pSeeds);
            newInputs.AddRange(pInputs);
            for (int pc = 0; pc < pCodes.Length; pc += 3)
            {
                int pcode = pCodes[pc], pa = pCodes[pc + 1], pb = pCodes[pc + 2];
                if (pcode == ProgramCode.In)
                    pa += inputBase;
                else if (ProgramCode.UsesSeed(pcode))
                    pa += seedBase;
                if (ProgramCode.UsesConst(pcode))
                    pb += constBase;
                newCodes.AddRange([pcode, pa, pb]);
            }
        }
        var typedConsts = Array.CreateInstance(consts.GetType().GetElementType()!, newConsts.Count);
        for (int i = 0; i < newConsts.Count; i++)
            typedConsts.SetValue(newConsts[i], i);
        var args = consumer.Args.ToArray();
        args[codesAt] = new Literal(newCodes.ToArray());
        args[codesAt + 1] = new Literal(typedConsts);
        args[codesAt + 2] = new Literal(newSeeds.ToArray());
        args[^1] = new ArgList(newInputs);
        return new TaskNode(consumer.Op, args);
    }
}
