using LazyDist.Graph;

namespace LazyDist.Collections.Tests.Array;

/// <summary>Array tasks in pictures are named after the steps of their block programs, fused ones included.</summary>
public class ArrayTaskLabelsTests
{
    [Test]
    public void ToDot_TransposeSum_FusedAddNamedAddSum()
    {
        var x = DistArray.Ones<double>([15, 15], chunks: 5);
        var graph = (x + x.Transpose()).Sum(0).GetGraph();
        Assert.That(Labels(graph), Is.EquivalentTo(new Dictionary<string, int>
        {
            ["ones"] = 9, ["transpose"] = 9, ["add-sum"] = 9, ["sum-aggregate"] = 3,
        }));
    }

    [Test]
    public void ToDot_RandomTimesTwoSummed_OneTaskPerBlockNamedAfterAllThree()
    {
        var graph = (DistArray.Random(1_000L, 100, seed: 1) * 2.0).Sum().GetGraph();
        Assert.That(Labels(graph), Is.EquivalentTo(new Dictionary<string, int> { ["random-mul-sum"] = 10, ["sum-aggregate"] = 1 }));
    }

    [Test]
    public void ToDot_UnfusedElementwise_EachStepItsOwnTask()
    {
        var a = DistArray.Arange(0.0, 10.0, 1.0, chunkSize: 5);
        var graph = (a.Sqrt() - 1.0).GetGraph(optimize: false);
        Assert.That(Labels(graph), Is.EquivalentTo(new Dictionary<string, int> { ["arange"] = 2, ["sqrt"] = 2, ["sub"] = 2 }));
    }

    /// <summary>How many circles carry each label in the graph's picture.</summary>
    private static Dictionary<string, int> Labels(TaskGraph graph) =>
        graph.ToDot().Split('\n')
            .Where(l => l.Contains("shape=circle", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("label=\"", StringComparison.Ordinal) + 7)..l.LastIndexOf('"')])
            .GroupBy(l => l)
            .ToDictionary(g => g.Key, g => g.Count());
}
