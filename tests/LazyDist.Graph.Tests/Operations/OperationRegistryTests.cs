namespace LazyDist.Graph.Tests.Operations;

public class OperationRegistryTests
{
    [Test]
    public void Get_UnknownName_MessageNamesIt()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => OperationRegistry.Get("no.such.op"));
        Assert.That(ex!.Message, Does.Contain("'no.such.op'"));
    }

    [Test]
    public void Register_NameTakenByAnotherOperation_Throws()
    {
        OperationRegistry.Register("test.taken", static args => 1);
        Assert.Throws<InvalidOperationException>(() => OperationRegistry.Register("test.taken", static args => 2));
    }

    [Test]
    public void FromDelegate_RegisteredStaticMethod_IsTheBuiltin()
    {
        var op = TaskNode.Call<int, int, int>(GraphFixtures.AddInts, 1, 2).Op;
        Assert.Multiple(() =>
        {
            Assert.That(op.IsBuiltin, Is.True);
            Assert.That(op.Name, Is.EqualTo("test.add"));
        });
    }

    [Test]
    public void FromDelegate_Lambda_IsLocal()
    {
        var op = TaskNode.Call((int x) => x * 2, 1).Op;
        Assert.That(op.IsBuiltin, Is.False);
    }

    [Test]
    public void ArgConvert_ListOfBoxedDoubles_BecomesDoubleArray()
    {
        Assert.That(ArgConvert.To<double[]>(new object?[] { 1.0, 2.5 }), Is.EqualTo(new[] { 1.0, 2.5 }));
    }

    [Test]
    public void ArgConvert_IntToLong_Widens()
    {
        Assert.That(ArgConvert.To<long>(3), Is.EqualTo(3L));
    }

    [Test]
    public void ArgConvert_Impossible_MessageNamesBothTypes()
    {
        var ex = Assert.Throws<InvalidCastException>(() => ArgConvert.To<double[]>("text"));
        Assert.That(ex!.Message, Does.Contain("String").And.Contain("Double[]"));
    }
}
