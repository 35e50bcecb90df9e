namespace LazyDist.Graph.Tests.Algorithms;

public class ValidationTests
{
    [Test]
    public void Validate_MissingDependency_NamesTaskAndMissingKey()
    {
        var g = new TaskGraph { ["b"] = new TaskNode(GraphFixtures.Add, TaskArg.Ref(("a", 2)), 1) };
        var ex = Assert.Throws<GraphValidationException>(() => g.Validate());
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Is.EqualTo("task 'b' depends on ('a', 2), which is not in the graph"));
            Assert.That(ex.Keys, Is.EqualTo(new TaskKey[] { "b", ("a", 2) }));
        });
    }

    [Test]
    public void Validate_RequestedKeyMissing_NamesIt()
    {
        var ex = Assert.Throws<GraphValidationException>(() => GraphFixtures.Diamond().Validate(["zzz"]));
        Assert.That(ex!.Message, Does.Contain("'zzz'"));
    }

    [Test]
    public void Validate_Cycle_NamesTheKeysInOrder()
    {
        var g = new TaskGraph
        {
            ["a"] = new TaskNode(GraphFixtures.Add, TaskArg.Ref("c"), 1),
            ["b"] = new TaskNode(GraphFixtures.Add, TaskArg.Ref("a"), 1),
            ["c"] = new TaskNode(GraphFixtures.Add, TaskArg.Ref("b"), 1),
        };
        var ex = Assert.Throws<GraphValidationException>(() => g.Validate(["a"]));
        Assert.That(ex!.Message, Is.EqualTo("cycle in graph: 'a' -> 'c' -> 'b' -> 'a'"));
    }

    [Test]
    public void Validate_SelfLoop_IsACycle()
    {
        var g = new TaskGraph { ["a"] = new TaskNode(GraphFixtures.Add, TaskArg.Ref("a"), 1) };
        Assert.Throws<GraphValidationException>(() => g.Validate());
    }

    [Test]
    public void Validate_LongChain_NoStackOverflow()
    {
        var g = new TaskGraph { [("c", 0)] = TaskNode.FromValue(0) };
        for (int i = 1; i < 100_000; i++)
            g[("c", i)] = new TaskNode(GraphFixtures.Add, TaskArg.Ref(("c", i - 1)), 1);
        Assert.DoesNotThrow(() => g.Validate());
    }

    [Test]
    public void Validate_Diamond_Passes()
    {
        Assert.DoesNotThrow(() => GraphFixtures.Diamond().Validate());
    }
}
