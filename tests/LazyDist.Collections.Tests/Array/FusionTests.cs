using LazyDist.Graph;

namespace LazyDist.Collections.Tests.Array;

#pragma warning disable NUnit1027 // FsCheck supplies the arguments.
public class FusionTests
{
    [Test]
    public void RandomTimesTwoSum_OneTaskPerBlock_NoBlockMaterialized()
    {
        var sum = (DistArray.Random(1000L, 100, 1) * 2.0).Sum(splitEvery: 4);
        var graph = sum.GetGraph();
        var reduce = graph.Values.Where(n => n.Op.Name == ArrayOperations.ReduceName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(graph.Values.Count(n => n.Op.Name == ArrayOperations.MapName), Is.Zero, "no block is materialized");
            Assert.That(reduce, Has.Count.EqualTo(10));
            Assert.That(reduce.All(n => n.Dependencies.Count == 0), Is.True, "each fused task generates its own data");
            Assert.That(sum.Graph.Count, Is.GreaterThan(graph.Count));
        });
    }

    [Test]
    public void Fusion_Off_GraphRunsAsBuilt()
    {
        var x = DistArray.Random(1000L, 100, 1) * 2.0;
        Assert.That(x.GetGraph(optimize: false).Count, Is.EqualTo(x.Graph.Count));
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool ElementwiseChain_FusedAndUnfused_BitIdentical(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r, maxLength: 9000 / 9);
        if (shape.Length > 1)
            shape = [.. shape.Take(1)];
        var chunks = new[] { new[] { (int)Math.Max(shape.ElementAtOrDefault(0), 0) } };
        var x = DistArray.Random(shape, shape.Length == 0 ? 1 : r.Next(1, 5000), (ulong)seed);
        var y = DistArray.Normal(shape, x.Chunks.Select(c => c.ToArray()).ToArray(), (ulong)seed + 1);
        var chain = ((x * 3.0 + 1.0).Sqrt().Exp() - y.Abs()).Log().Pow(1.5) / (2.0 - x);
        var on = Cases.On(seed);
        return chain.Compute(on).SequenceEqual(chain.Compute(on, optimize: false)) && chunks.Length == 1;
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool ChainIntoReductions_FusedAndUnfusedAgree(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r, minRank: 1, maxLength: 40);
        var (x, _) = Cases.Make(r, shape);
        var chain = (x - 0.25) * (x + 2.0);
        int axis = r.Next(shape.Length);
        var on = Cases.On(seed);
        return Cases.Close(chain.Sum().Compute(on, optimize: false), chain.Sum().Compute(on))
            && Cases.Close(chain.Var().Compute(on, optimize: false), chain.Var().Compute(on))
            && Cases.Close(chain.Sum(axis).Compute(on, optimize: false), chain.Sum(axis).Compute(on))
            && (chain.Length == 0 || chain.ArgMax().Compute(on) == chain.ArgMax().Compute(on, optimize: false));
    }

    [Test]
    public void SharedIntermediate_FusedOnce_KeptInARegister()
    {
        var x = DistArray.Random(1000L, 100, 1) * 2.0;
        var z = x + x.Exp();
        var graph = z.GetGraph();
        var program = LazyDist.Collections.Kernels.MapTask.TryRead(graph[z.ChunkKey(0)])!.Program;
        Assert.Multiple(() =>
        {
            Assert.That(graph.Keys.Count(k => k.Name == x.Name), Is.Zero, "x's only reader after fusing exp is z: it fuses too");
            Assert.That(program.Code.Count(c => c.Op == LazyDist.Collections.Kernels.BlockOp.Random), Is.EqualTo(1), "and is computed once per tile");
            Assert.That(program.Code.Count(c => c.Op == LazyDist.Collections.Kernels.BlockOp.Reuse), Is.EqualTo(1));
            Assert.That(z.Compute(Cases.Threads), Is.EqualTo(z.Compute(Cases.Sync, optimize: false)));
        });
    }

    [Test]
    public void FusedGraph_SerializesAndRunsAfterRoundTrip()
    {
        var sum = (DistArray.Normal([100, 10], 10, 3) * 2.0 + 1.0).Sum(axis: 1);
        var graph = TaskGraph.Deserialize(sum.GetGraph().Serialize());
        var keys = sum.ChunkKeys;
        var blocks = Cases.Sync.Get(graph, keys);
        Assert.That(blocks.Cast<double[]>().SelectMany(b => b), Is.EqualTo(sum.Compute(Cases.Sync)));
    }
}
#pragma warning restore NUnit1027
