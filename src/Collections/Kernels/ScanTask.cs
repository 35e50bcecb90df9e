using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LazyDist.Graph;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// An <c>array.scan</c> task: a block program's values scanned along one axis of the block
/// (numpy's <c>cumsum</c>/<c>cumprod</c> within the block), in the program's output type, one
/// element after another in order, as numpy's accumulate. The block is seen as
/// <c>outer × R × inner</c> with the axis in the middle. Its node is
/// <c>[string kind, long[] geometry, int[] code, long[] constants, inputs]</c>.
/// </summary>
internal sealed record ScanTask(bool Product, long[] Geometry, BlockProgram Program, IReadOnlyList<TaskArg> Inputs) : IProgramTask
{
    public const string Name = "array.scan";

    public TaskNode ToNode() =>
        new(ArrayOperations.Get(Name), Product ? "prod" : "sum", new Literal(Geometry), new Literal(Program.EncodeCode()), new Literal(Program.Constants), new ArgList(Inputs));

    IProgramTask IProgramTask.With(BlockProgram program, IReadOnlyList<TaskArg> inputs) => this with { Program = program, Inputs = inputs };

    public static ScanTask? TryRead(TaskNode node) =>
        node.Op.Name == Name && node.Args is [Literal { Value: string kind }, Literal { Value: long[] geometry }, Literal { Value: int[] code }, Literal { Value: long[] constants }, ArgList inputs]
            ? new ScanTask(kind == "prod", geometry, BlockProgram.Decode(code, constants), inputs.Items)
            : null;

    /// <summary>Runs the task on its evaluated arguments.</summary>
    public static object Run(object?[] a)
    {
        var program = BlockProgram.Decode((int[])a[2]!, (long[])a[3]!);
        using var tiles = new TileProgram(program, (object?[])a[4]!);
        var result = Blocks.Rent(program.OutputType, checked((int)((long[])a[1]!).Aggregate(1L, (p, s) => p * s)));
        var action = new ScanAction((string)a[0]! == "prod", (long[])a[1]!, tiles, new Tile(result, 0, program.OutputType));
        NumericDispatch.Run(program.OutputType, ref action);
        return result;
    }

    private readonly struct ScanAction(bool product, long[] g, TileProgram tiles, Tile result) : INumericAction
    {
        public void Invoke<T>() where T : unmanaged, INumber<T>
        {
            if (product)
                Scan<T, Multiply<T>>();
            else
                Scan<T, Add<T>>();
        }

        private void Scan<T, TOp>() where T : unmanaged, INumber<T> where TOp : IStep<T>
        {
            long r = g[1], inner = g[2], n = g[0] * r * inner;
            tiles.Expect((int)n);
            var output = result.Span<T>((int)n);
            var running = new T[Math.Max(inner, 1)];
            // Element p sits at slot b = p % inner of step q = p / inner % r along the axis; both are
            // counted, not divided, element by element.
            long b = 0, q = 0;
            for (long start = 0; start < n; start += TileProgram.TileSize)
            {
                int length = (int)Math.Min(TileProgram.TileSize, n - start);
                var tile = tiles.Evaluate(start, length).Span<T>(length);
                var into = output.Slice((int)start, length);
                if (inner == 1)
                {
                    // The first element along the axis starts the run; the others add (or multiply) in
                    // order, a whole stretch of the axis at a time.
                    T run = running[0];
                    for (int i = 0; i < length;)
                    {
                        if (q == 0)
                        {
                            into[i] = run = tile[i];
                            i++;
                            q = r == 1 ? 0 : 1;
                            continue;
                        }
                        int m = (int)Math.Min(length - i, r - q);
                        run = Continue<T, TOp>(run, tile.Slice(i, m), into.Slice(i, m));
                        i += m;
                        q = (q + m) % r;
                    }
                    running[0] = run;
                    continue;
                }
                for (int i = 0; i < length; i++)
                {
                    running[b] = q == 0 ? tile[i] : TOp.Step(running[b], tile[i]);
                    into[i] = running[b];
                    if (++b == inner)
                    {
                        b = 0;
                        if (++q == r)
                            q = 0;
                    }
                }
            }
        }
    }

    /// <summary>Steps <paramref name="run"/> through <paramref name="x"/>, writing each running value: one dependency chain, no per-element checks.</summary>
    private static T Continue<T, TOp>(T run, ReadOnlySpan<T> x, Span<T> into) where TOp : IStep<T>
    {
        ref T source = ref MemoryMarshal.GetReference(x);
        ref T target = ref MemoryMarshal.GetReference(into);
        for (int k = 0; k < x.Length; k++)
            Unsafe.Add(ref target, k) = run = TOp.Step(run, Unsafe.Add(ref source, k));
        return run;
    }

    private interface IStep<T>
    {
        static abstract T Step(T running, T x);
    }

    private readonly struct Add<T> : IStep<T> where T : INumber<T>
    {
        public static T Step(T running, T x) => running + x;
    }

    private readonly struct Multiply<T> : IStep<T> where T : INumber<T>
    {
        public static T Step(T running, T x) => running * x;
    }
}
