
namespace LazyDist.Graph.Tests.Algorithms;

/// <summary>Pictures drawn by Graphviz's real <c>dot</c> (Debian's graphviz, installed by <c>.ci/run</c>).</summary>
public class DotRendererTests
{
    private GraphvizPictures _pictures = null!;

    [SetUp]
    public void CreateFolder() => _pictures = new GraphvizPictures();

    [TearDown]
    public void DeleteFolder() => _pictures.Dispose();

    /// <summary>The hand-built seed, drawn whole and collapsed (the collections' graphs: Collections.Tests' GraphPicturesTests).</summary>
    [Test]
    public void Visualize_HandBuiltSeed_GraphvizDrawsEveryNode()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_pictures.Nodes(GraphFixtures.Seed(10, 1_000), "dsk.svg"), Is.EqualTo(2 * 21), "a circle and a box per task");
            Assert.That(_pictures.Nodes(GraphFixtures.Seed(1000, 1_000), "collapsed.svg", collapse: true), Is.EqualTo(3), "one node per layer");
        });
    }

    [Test]
    public void Visualize_Png_WritesAPicture()
    {
        string path = Path.Combine(_pictures.Folder, "graph.png");
        GraphFixtures.Diamond().Visualize(path);
        Assert.That(File.ReadAllBytes(path).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
    }

    [Test]
    public void Visualize_DotExtension_WritesTheTextWithoutGraphviz()
    {
        string path = Path.Combine(_pictures.Folder, "graph.dot");
        GraphFixtures.Diamond().Visualize(path);
        Assert.That(File.ReadAllText(path), Is.EqualTo(GraphFixtures.Diamond().ToDot()));
    }

    [Test]
    public void Visualize_UnknownExtension_NamesIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => GraphFixtures.Diamond().Visualize(Path.Combine(_pictures.Folder, "graph.docx")));
        Assert.That(ex!.Message, Does.Contain("'.docx' names no picture format"));
    }

    [Test]
    public void Render_GraphvizMissing_SaysHowToInstallIt()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            DotRenderer.Render(GraphFixtures.Diamond().ToDot(), Path.Combine(_pictures.Folder, "graph.svg"), executable: "lazydist-no-such-dot"));
        Assert.That(ex!.Message, Does.Contain("'lazydist-no-such-dot' program was not found").And.Contain("apt-get install graphviz"));
    }

    [Test]
    public void Render_BadDot_GraphvizMessageReported()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DotRenderer.Render("digraph { a -> ", Path.Combine(_pictures.Folder, "graph.svg")));
        Assert.That(ex!.Message, Does.Contain("failed to draw").And.Contain("syntax error"));
    }
}
