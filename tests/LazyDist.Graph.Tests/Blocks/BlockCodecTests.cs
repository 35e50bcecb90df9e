using LazyDist.Graph.Blocks;

namespace LazyDist.Graph.Tests.Blocks;

public record Person(string Name, int Age, double[] Scores);

public record Tagged(string? Tag, Person? Who)
{
    public long Extra { get; init; }
}

public class Animal(string name)
{
    public string Name { get; } = name;
}

public sealed class Dog(string name) : Animal(name);

public class BlockCodecTests
{
    private static List<T> RoundTrip<T>(IReadOnlyList<T> items, int[]? segments = null)
    {
        var block = new ElementBlock<T>([.. items], items.Count, segments);
        var decoded = ElementBlock.FromWire(block.Encode()).As<T>();
        Assert.That(decoded.SegmentCount, Is.EqualTo(block.SegmentCount));
        return [.. decoded.Span];
    }

    [Test]
    public void Encode_Numbers_RoundTripAsRawBytes()
    {
        var items = Enumerable.Range(-500, 1000).Select(i => (long)i * 1_000_003).ToList();
        Assert.That(RoundTrip(items), Is.EqualTo(items));
        Assert.That(new ElementBlock<long>([.. items], items.Count).Encode().Length, Is.EqualTo(13 + 8 * 1000));
    }

    [Test]
    public void Encode_Strings_RoundTripWithNullsEmptiesAndUnicode()
    {
        string[] items = ["a", "", null!, "naïve ☃ 𝄞", new string('x', 10_000)];
        Assert.That(RoundTrip(items), Is.EqualTo(items));
    }

    [Test]
    public void Encode_LoneSurrogate_KeptExactly()
    {
        string[] items = ["ok", "\ud800broken", "\udc00"];
        Assert.That(RoundTrip(items), Is.EqualTo(items));
    }

    [Test]
    public void Encode_RecordsTuplesPairsAndAnonymousTypes_RoundTrip()
    {
        Person[] people = [new("ann", 31, [1.5, 2]), new("bob", 40, []), null!];
        Assert.That(RoundTrip(people), Is.EqualTo(people).Using<Person>((a, b) => a?.Name == b?.Name && a?.Age == b?.Age && (a is null || a.Scores.SequenceEqual(b!.Scores))));
        (string, int, string?)[] tuples = [("a", 1, null), ("b", 2, "z")];
        Assert.That(RoundTrip(tuples), Is.EqualTo(tuples));
        KeyValuePair<string, int>[] pairs = [new("w1", 3), new("w2", 4)];
        Assert.That(RoundTrip(pairs), Is.EqualTo(pairs));
        var anonymous = new[] { new { Word = "x", Count = 2 }, new { Word = "y", Count = 5 } };
        Assert.That(RoundTrip(anonymous), Is.EqualTo(anonymous));
        Tagged[] tagged = [new("t", people[0]) { Extra = 7 }, new(null, null)];
        var back = RoundTrip(tagged);
        Assert.That(back.Select(t => (t.Tag, t.Who?.Name, t.Extra)), Is.EqualTo(tagged.Select(t => (t.Tag, t.Who?.Name, t.Extra))));
    }

    [Test]
    public void Encode_NestedLists_RoundTrip()
    {
        List<int>[] lists = [[1, 2, 3], [], [4]];
        var back = RoundTrip(lists);
        Assert.That(back.Select(l => l.ToArray()), Is.EqualTo(lists.Select(l => l.ToArray())));
        string[][] words = [["a", "b"], [], ["c"]];
        Assert.That(RoundTrip(words), Is.EqualTo(words));
    }

    [Test]
    public void Segment_OfEncodedBlock_IsThatBucketWithoutTheOthers()
    {
        var block = new ElementBlock<string>(["a", "b", "c", "d", "e"], 5, [0, 2, 2, 5]);
        var wire = ElementBlock.FromWire(block.Encode());
        Assert.Multiple(() =>
        {
            Assert.That(wire.Count, Is.EqualTo(5));
            Assert.That(wire.SegmentCount, Is.EqualTo(3));
            Assert.That(wire.Segment(0).As<string>().Span.ToArray(), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(wire.Segment(1).Count, Is.Zero);
            Assert.That(wire.Segment(2).As<string>().Span.ToArray(), Is.EqualTo(new[] { "c", "d", "e" }));
            Assert.That(block.Segment(2).As<string>().Span.ToArray(), Is.EqualTo(new[] { "c", "d", "e" }));
            Assert.That(wire.As<string>().Span.ToArray(), Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
        });
    }

    [Test]
    public void As_WrongElementType_FailsNamingBoth()
    {
        var wire = ElementBlock.FromWire(new ElementBlock<string>(["a"], 1).Encode());
        var ex = Assert.Throws<FormatException>(() => wire.As<int>());
        Assert.That(ex!.Message, Does.Contain("Int32").And.Contain("another layout"));
    }

    [Test]
    public void FromWire_TruncatedOrDamaged_FormatExceptionNotAHugeAllocation()
    {
        var bytes = new ElementBlock<string>(["hello", "world"], 2).Encode();
        for (int cut = 0; cut < bytes.Length; cut++)
            Assert.Throws<FormatException>(() => ElementBlock.FromWire(bytes[..cut]).As<string>(), $"cut at {cut}");
        var huge = (byte[])bytes.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(huge, 9);
        Assert.Throws<FormatException>(() => ElementBlock.FromWire(huge));
    }

    [Test]
    public void EnsureEncodable_AbstractOrDerivedElements_RefusedNamingTheType()
    {
        var ex = Assert.Throws<NotSupportedException>(() => new ElementBlock<object>([1], 1).EnsureEncodable());
        Assert.That(ex!.Message, Does.Contain("Object").And.Contain("abstract"));
        var derived = Assert.Throws<NotSupportedException>(() => new ElementBlock<Animal>([new Dog("rex")], 1).Encode());
        Assert.That(derived!.Message, Does.Contain("Dog"));
        Assert.That(RoundTrip(new[] { new Animal("cat") }).Single().Name, Is.EqualTo("cat"));
    }
}
