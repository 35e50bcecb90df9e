using LazyDist.Distributed.States;
using NUnit.Framework;

namespace LazyDist.Schedulers.Tests.Distributed.States;

/// <summary>The one-field set against <see cref="HashSet{T}"/>, for a reference and a value type, through every size it passes.</summary>
[TestFixture]
public sealed class SmallSetTests
{
    [TestCase(7)]
    [TestCase(21)]
    public void AddRemove_RandomOperations_MatchAHashSet(int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, 4).Select(i => $"w{i}").ToArray();
        var strings = new SmallSet<string>();
        var ints = new SmallSet<int>();
        var expectedStrings = new HashSet<string>();
        var expectedInts = new HashSet<int>();
        for (int step = 0; step < 2000; step++)
        {
            int n = random.Next(names.Length);
            bool add = random.Next(3) > 0;
            Assert.That(add ? strings.Add(names[n]) : strings.Remove(names[n]), Is.EqualTo(add ? expectedStrings.Add(names[n]) : expectedStrings.Remove(names[n])));
            Assert.That(add ? ints.Add(n) : ints.Remove(n), Is.EqualTo(add ? expectedInts.Add(n) : expectedInts.Remove(n)));
            Assert.That(strings.Count, Is.EqualTo(expectedStrings.Count));
            Assert.That(ints.Count, Is.EqualTo(expectedInts.Count));
            Assert.That(strings.ToArray(), Is.EquivalentTo(expectedStrings));
            Assert.That(Enumerate(ints), Is.EquivalentTo(expectedInts));
            Assert.That(names.Select(strings.Contains), Is.EqualTo(names.Select(expectedStrings.Contains)));
            if (random.Next(50) == 0)
            {
                strings.Clear();
                ints.Clear();
                expectedStrings.Clear();
                expectedInts.Clear();
            }
        }
    }

    [Test]
    public void Add_ZeroOfAValueType_IsAnItemNotEmptiness()
    {
        var set = new SmallSet<int>();
        Assert.That(set.Add(0), Is.True);
        Assert.That((set.Count, set.Contains(0), Enumerate(set)), Is.EqualTo((1, true, new List<int> { 0 })));
    }

    private static List<int> Enumerate(SmallSet<int> set)
    {
        var items = new List<int>();
        foreach (int item in set)
            items.Add(item);
        return items;
    }
}
