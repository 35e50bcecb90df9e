using LazyDist.Graph;

namespace LazyDist.Graph.Tests.Keys;

public class TaskKeyTests
{
    [Test]
    public void ToString_IndexedKey_PrintsLikeDask()
    {
        TaskKey key = ("x", 3);
        Assert.That(key.ToString(), Is.EqualTo("('x', 3)"));
    }

    [Test]
    public void ToString_PlainKey_PrintsQuotedName()
    {
        TaskKey key = "total";
        Assert.That(key.ToString(), Is.EqualTo("'total'"));
    }

    [Test]
    public void Equality_SameNameAndIndex_Equal()
    {
        TaskKey a = ("x", 3), b = new TaskKey("x", 3);
        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
            Assert.That(a == b, Is.True);
        });
    }

    [Test]
    public void Equality_PlainAndIndexedWithSameName_Differ()
    {
        TaskKey plain = "x", indexed = ("x", 0);
        Assert.That(plain, Is.Not.EqualTo(indexed));
    }

    [Test]
    public void Index_PlainKey_IsNull()
    {
        Assert.Multiple(() =>
        {
            Assert.That(((TaskKey)"x").Index, Is.Null);
            Assert.That(((TaskKey)("x", 7)).Index, Is.EqualTo(7));
        });
    }

    [Test]
    public void Constructor_EmptyName_Throws()
    {
        Assert.Throws<ArgumentException>(() => _ = new TaskKey(""));
    }

    [Test]
    public void Constructor_NegativeIndex_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TaskKey("x", -1));
    }

    [Test]
    public void CompareTo_OrdersByNameThenIndex()
    {
        TaskKey[] keys = [("y", 0), ("x", 10), "x", ("x", 2)];
        Assert.That(keys.Order().Select(k => k.ToString()), Is.EqualTo(new[] { "'x'", "('x', 2)", "('x', 10)", "('y', 0)" }));
    }
}
