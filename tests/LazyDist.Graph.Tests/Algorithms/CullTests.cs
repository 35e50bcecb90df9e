namespace LazyDist.Graph.Tests.Algorithms;

public class CullTests
{
    [Test]
    public void Cull_KeepsOnlyWhatTheKeysNeed()
    {
        var g = GraphFixtures.Diamond();
        g["unrelated"] = TaskNode.FromValue(7);
        var culled = g.Cull(["b"]);
        Assert.That(culled.Keys, Is.EquivalentTo(new TaskKey[] { "a", "b" }));
    }

    [Test]
    public void Cull_MissingDependency_Throws()
    {
        var g = new TaskGraph { ["b"] = new TaskNode(GraphFixtures.Add, TaskArg.Ref("a"), 1) };
        var ex = Assert.Throws<GraphValidationException>(() => g.Cull(["b"]));
        Assert.That(ex!.Keys, Is.EqualTo(new TaskKey[] { "b", "a" }));
    }
}
