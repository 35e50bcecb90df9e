using System.Xml.Linq;
using LazyDist.Collections;
using LazyDist.Graph;

// Outside LazyDist.Collections.Tests, whose Delayed folder namespace would hide the Delayed class.
namespace LazyDist.Pictures;


/// <summary>The README's collection graphs drawn by Graphviz's real <c>dot</c> (installed by <c>.ci/run</c>).</summary>
public class GraphPicturesTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("lazydist-dot-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Visualize_TransposeSum_GraphvizDrawsEveryNode()
    {
        var x = DistArray.Ones<double>([15, 15], chunks: 5);
        Assert.That(Nodes((x + x.Transpose()).Sum(0).GetGraph(), "transpose.svg"), Is.EqualTo(2 * 30), "a circle and a box per task");
    }

    [Test]
    public void Visualize_DelayedSeed_GraphvizDrawsEveryNode()
    {
        var sums = Enumerable.Range(0, 10).Select(i => Delayed.Call(Chunks.Sum, Delayed.Call<int, ulong, double[]>(Chunks.Random, 1_000, Chunks.Seed(42, i))));
        var total = Delayed.Call(Chunks.Sum, Delayed.All(sums));
        Assert.That(Nodes(total.GetGraph(optimize: false), "delayed.svg"), Is.EqualTo(2 * 22));
    }

    /// <summary>Draws <paramref name="graph"/> to SVG and counts the nodes Graphviz laid out.</summary>
    private int Nodes(TaskGraph graph, string name)
    {
        string path = Path.Combine(_folder, name);
        graph.Visualize(path);
        XNamespace svg = "http://www.w3.org/2000/svg";
        return XDocument.Load(path).Descendants(svg + "g").Count(g => (string?)g.Attribute("class") == "node");
    }
}
