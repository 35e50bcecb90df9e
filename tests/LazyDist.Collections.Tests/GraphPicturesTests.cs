using LazyDist.Collections;
using LazyDist.Graph.Tests.Algorithms;

// Outside LazyDist.Collections.Tests, whose Delayed folder namespace would hide the Delayed class.
namespace LazyDist.Pictures;

/// <summary>The README's collection graphs drawn by Graphviz's real <c>dot</c> (installed by <c>.ci/run</c>).</summary>
public class GraphPicturesTests
{
    [Test]
    public void Visualize_TransposeSum_GraphvizDrawsEveryNode()
    {
        using var pictures = new GraphvizPictures();
        var x = DistArray.Ones<double>([15, 15], chunks: 5);
        Assert.That(pictures.Nodes((x + x.Transpose()).Sum(0).GetGraph(), "transpose.svg"), Is.EqualTo(2 * 30), "a circle and a box per task");
    }

    [Test]
    public void Visualize_DelayedSeed_GraphvizDrawsEveryNode()
    {
        using var pictures = new GraphvizPictures();
        var sums = Enumerable.Range(0, 10).Select(i => Delayed.Call(Chunks.Sum, Delayed.Call<int, ulong, double[]>(Chunks.Random, 1_000, Chunks.Seed(42, i))));
        var total = Delayed.Call(Chunks.Sum, Delayed.All(sums));
        Assert.That(pictures.Nodes(total.GetGraph(optimize: false), "delayed.svg"), Is.EqualTo(2 * 22));
    }
}
