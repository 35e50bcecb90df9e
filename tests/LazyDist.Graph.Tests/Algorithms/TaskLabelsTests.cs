namespace LazyDist.Graph.Tests.Algorithms;

public class TaskLabelsTests
{
    [TestCase("sum-44ac26db295b4da82522307daf5c7084", "sum")]
    [TestCase("sum-44ac26db295b4da82522307daf5c7084-0-1", "sum-0-1")]
    [TestCase("map-4c1a3d7e-0b45-11e6-8334-54ee75105593", "map")]
    [TestCase("44ac26db295b4da82522307daf5c7084", "#")]
    [TestCase("x", "x")]
    [TestCase("deadbeef-total", "deadbeef-total")]
    public void Prefix_TokensRemoved(string name, string expected) =>
        Assert.That(TaskLabels.Prefix(name), Is.EqualTo(expected));

    [Test]
    public void Data_IndexedKey_PrefixAndIndex() =>
        Assert.That(TaskLabels.Data(("random-a221c570962ddda05039a1891221fbb9", 3)), Is.EqualTo("(random, 3)"));

    [TestCase("<<Main>$>b__0_0", "Main-lambda")]
    [TestCase("<<Main>$>g__Square|0_1", "Square")]
    [TestCase("<Run>b__3_0", "Run-lambda")]
    [TestCase("<Run>g__Local|2_0", "Local")]
    [TestCase("<>b__0", "lambda")]
    [TestCase("Sum", "Sum")]
    public void DisplayName_CompilerNames_NamedAfterTheirMethod(string name, string expected) =>
        Assert.That(OpRef.Readable(name), Is.EqualTo(expected));

    [Test]
    public void DisplayName_LambdaInThisTest_NamedAfterTheTest()
    {
        Func<int, int> increment = v => v + 1;
        Assert.That(OpRef.DisplayName(increment.Method), Is.EqualTo($"{nameof(DisplayName_LambdaInThisTest_NamedAfterTheTest)}-lambda"));
    }

    [Test]
    public void Operation_LongFusedChain_FirstAndLastTwo()
    {
        var inner = new TaskNode(GraphFixtures.Add, 1, 2);
        var node = inner;
        for (int i = 0; i < 5; i++)
            node = new TaskNode(i % 2 == 0 ? OperationRegistry.Get("list") : GraphFixtures.Add, new TaskCall(node));
        Assert.That(TaskLabels.Operation(node), Is.EqualTo("add-…-add-list"));
    }
}
