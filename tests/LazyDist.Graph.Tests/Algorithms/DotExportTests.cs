namespace LazyDist.Graph.Tests.Algorithms;

/// <summary>The DOT text of graphs, compared whole: shapes, short labels, edges, collapsed layers.</summary>
public class DotExportTests
{
    private const string Header = """
        digraph lazydist {
          rankdir=BT;
          nodesep=0.15;
          ranksep=0.3;
          node [fontname="Helvetica", fontsize=10, margin="0.05,0.03"];
          edge [arrowsize=0.5];

        """;

    [Test]
    public void ToDot_Diamond_DataAsBoxesOperationsAsCircles()
    {
        string expected = Header + """
              d0 [shape=box, label="a"];
              d1 [shape=box, label="b"];
              t1 [shape=circle, label="add"];
              t1 -> d1;
              d0 -> t1;
              d2 [shape=box, label="c"];
              t2 [shape=circle, label="add"];
              t2 -> d2;
              d0 -> t2;
              d3 [shape=box, label="d"];
              t3 [shape=circle, label="add"];
              t3 -> d3;
              d1 -> t3;
              d2 -> t3;
            }

            """;
        Assert.That(GraphFixtures.Diamond().ToDot(), Is.EqualTo(expected));
    }

    [Test]
    public void ToDot_Collapsed_OneNodePerLayerWithItsTaskCount()
    {
        string expected = Header + """
              l0 [shape=box, style=rounded, label="total\nsum\n1 task"];
              l1 [shape=box, style=rounded, label="x\nrandom\n3 tasks"];
              l2 [shape=box, style=rounded, label="y\nsum\n3 tasks"];
              l2 -> l0;
              l1 -> l2;
            }

            """;
        Assert.That(GraphFixtures.Seed(3, 10).ToDot(collapse: true), Is.EqualTo(expected));
    }

    [Test]
    public void ToDot_IndexedKeys_BoxesNamePrefixAndIndex()
    {
        string dot = GraphFixtures.Seed(2, 10).ToDot();
        Assert.Multiple(() =>
        {
            Assert.That(dot, Does.Contain("""d0 [shape=box, label="total"];"""));
            Assert.That(dot, Does.Contain("""d1 [shape=box, label="(x, 0)"];"""));
            Assert.That(dot, Does.Contain("""t1 [shape=circle, label="random"];"""));
            Assert.That(dot, Does.Contain("""d4 [shape=box, label="(y, 1)"];"""));
        });
    }

    [Test]
    public void ToDot_LabelWithQuotesAndBackslash_Escaped()
    {
        var graph = new TaskGraph { ["say \"hi\"\\now"] = TaskNode.FromValue(1) };
        Assert.That(graph.ToDot(), Does.Contain("""d0 [shape=box, label="say \"hi\"\\now"];"""));
    }

    [Test]
    public void ToDot_LinearlyFusedChain_NamedAfterWhatItFused()
    {
        var optimized = GraphOptimizer.Optimize(GraphFixtures.Seed(3, 10), ["total"]);
        Assert.Multiple(() =>
        {
            Assert.That(TaskLabels.Operation(optimized[("y", 0)]), Is.EqualTo("random-sum"));
            Assert.That(optimized.ToDot(collapse: true), Does.Contain("""label="y\nrandom-sum\n3 tasks"]"""));
        });
    }

    [Test]
    public void ToDot_HeldAndValueNodes_BoxesOnly()
    {
        var graph = new TaskGraph
        {
            ["held"] = TaskNode.Remote("held", "127.0.0.1:1"),
            ["value"] = TaskNode.FromValue(3),
            ["sum"] = new TaskNode(GraphFixtures.Add, TaskArg.Ref("held"), TaskArg.Ref("value")),
        };
        string dot = graph.ToDot();
        Assert.Multiple(() =>
        {
            Assert.That(dot, Does.Not.Contain("t0 ").And.Not.Contain("t2 "), "held and value keys have no operation");
            Assert.That(dot, Does.Contain("d0 -> t1;").And.Contain("d2 -> t1;"));
        });
    }
}
