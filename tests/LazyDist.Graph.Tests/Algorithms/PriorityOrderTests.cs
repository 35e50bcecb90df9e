namespace LazyDist.Graph.Tests.Algorithms;

public class PriorityOrderTests
{
    [Test]
    public void Order_SeedGraph_FinishesEachChunkBeforeStartingTheNext()
    {
        var order = GraphFixtures.Seed(chunks: 4, chunkSize: 10).Order(["total"]);
        var sequence = order.OrderBy(p => p.Value).Select(p => p.Key.ToString());
        Assert.That(sequence, Is.EqualTo(new[]
        {
            "('x', 0)", "('y', 0)", "('x', 1)", "('y', 1)", "('x', 2)", "('y', 2)", "('x', 3)", "('y', 3)", "'total'",
        }));
    }

    [Test]
    public void Order_EveryTaskAfterItsDependencies()
    {
        var g = GraphFixtures.Diamond();
        var order = g.Order(["d"]);
        foreach (var (key, node) in g)
        {
            foreach (var dep in node.Dependencies)
                Assert.That(order[dep], Is.LessThan(order[key]), $"{dep} before {key}");
        }
    }

    [Test]
    public void Order_UnrequestedTasks_ComeLastInKeyOrder()
    {
        var g = GraphFixtures.Diamond();
        g["z"] = TaskNode.FromValue(0);
        g["y"] = TaskNode.FromValue(0);
        var order = g.Order(["b"]);
        Assert.Multiple(() =>
        {
            Assert.That(order, Has.Count.EqualTo(g.Count));
            Assert.That(order[new TaskKey("b")], Is.EqualTo(1));
            Assert.That(order[new TaskKey("y")], Is.LessThan(order[new TaskKey("z")]));
        });
    }

    [Test]
    public void Order_IsDeterministic()
    {
        var a = GraphFixtures.Seed(50, 10).Order(["total"]);
        var b = GraphFixtures.Seed(50, 10).Order(["total"]);
        Assert.That(a, Is.EquivalentTo(b));
    }
}
