using LazyDist.Schedulers;

namespace LazyDist.Graph.Tests;

public class TaskGraphTests
{
    [Test]
    public void Indexer_SetByTupleKey_LikeTheSeedsDict()
    {
        var dsk = new TaskGraph();
        dsk[("x", 0)] = TaskNode.FromValue(5);
        Assert.That(dsk.ContainsKey(("x", 0)), Is.True);
        Assert.That(new SynchronousScheduler().Get(dsk, ("x", 0)), Is.EqualTo(5));
    }

    [Test]
    public void Indexer_MissingKey_MessageNamesKey()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => _ = new TaskGraph()[("x", 9)]);
        Assert.That(ex!.Message, Does.Contain("('x', 9)"));
    }

    [Test]
    public void Add_ExistingKey_Throws()
    {
        var g = GraphFixtures.Diamond();
        Assert.Throws<ArgumentException>(() => g.Add("a", TaskNode.FromValue(2)));
    }

    [Test]
    public void Dependencies_InOrderOfFirstAppearance_Distinct()
    {
        var node = new TaskNode(GraphFixtures.Add, TaskArg.Ref("b"), new ArgList([TaskArg.Ref("a"), TaskArg.Ref("b")]));
        Assert.That(node.Dependencies, Is.EqualTo(new TaskKey[] { "b", "a" }));
    }

    [Test]
    public void GetDependents_Diamond_ListsReaders()
    {
        var dependents = GraphFixtures.Diamond().GetDependents();
        Assert.Multiple(() =>
        {
            Assert.That(dependents[new TaskKey("a")], Is.EquivalentTo(new TaskKey[] { "b", "c" }));
            Assert.That(dependents[new TaskKey("d")], Is.Empty);
        });
    }

    [Test]
    public void Merge_LaterGraphWins_AndKeepsBoth()
    {
        var first = new TaskGraph { ["a"] = TaskNode.FromValue(1), ["b"] = TaskNode.FromValue(2) };
        var second = new TaskGraph { ["b"] = TaskNode.FromValue(3) };
        var merged = TaskGraph.Merge(first, second);
        var sync = new SynchronousScheduler();
        Assert.Multiple(() =>
        {
            Assert.That(merged, Has.Count.EqualTo(2));
            Assert.That(sync.Get(merged, "b"), Is.EqualTo(3));
            Assert.That(first, Has.Count.EqualTo(2), "inputs are not changed");
        });
    }
}
