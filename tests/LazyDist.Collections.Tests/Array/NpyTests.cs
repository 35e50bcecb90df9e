using LazyDist.Graph;

namespace LazyDist.Collections.Tests.Array;

public class NpyTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Array", "Fixtures", name);

    private static string Temp() => Path.Combine(Path.GetTempPath(), $"lazydist-{Guid.NewGuid():N}.npy");

    [Test]
    public void FromNpy_NumpyFixtures_RightValuesAndShapes()
    {
        var f8 = DistArray.FromNpy<double>(Fixture("f8_3x4.npy"), new[] { 2, 3 });
        var f4 = DistArray.FromNpy<float>(Fixture("f4_5.npy"), 2);
        var i4 = DistArray.FromNpy<int>(Fixture("i4_2x3x4.npy"), new[] { 1, 2, 3 });
        var i8 = DistArray.FromNpy<long>(Fixture("i8_7.npy"), 3);
        var empty = DistArray.FromNpy<double>(Fixture("f8_empty_0x3.npy"), 2);
        Assert.Multiple(() =>
        {
            Assert.That(f8.Shape, Is.EqualTo(new[] { 3L, 4 }));
            Assert.That(f8.Compute(Cases.Sync), Is.EqualTo(Enumerable.Range(0, 12).Select(i => i / 4.0)));
            Assert.That(f4.Compute(Cases.Threads), Is.EqualTo(new[] { 0f, 0.25f, 0.5f, 0.75f, 1f }));
            Assert.That(i4.Compute(Cases.Threads), Is.EqualTo(Enumerable.Range(0, 24).Select(i => i - 7)));
            Assert.That(i8.Compute(Cases.Sync), Is.EqualTo(new[] { -(1L << 62), -1, 0, 1, 1L << 40, 1L << 62, 7 }));
            Assert.That(empty.Shape, Is.EqualTo(new[] { 0L, 3 }));
            Assert.That(empty.Compute(Cases.Sync), Is.Empty);
        });
    }

    [Test]
    public void FromNpy_OneBlockReadsOnlyItsRows()
    {
        var x = DistArray.FromNpy<int>(Fixture("i4_2x3x4.npy"), new[] { 1, 2, 3 });
        var block = x.Blocks[1, 1, 0];
        Assert.Multiple(() =>
        {
            Assert.That(block.Compute(Cases.Sync), Is.EqualTo(new[] { 20 - 7, 21 - 7, 22 - 7 }));
            Assert.That(x.Graph.Values.Count(n => n.Op.Name == "array.npy-read"), Is.EqualTo(x.ChunkCount));
        });
    }

    [Test]
    public void FromNpy_WrongElementType_MessageNamesBoth()
    {
        var ex = Assert.Throws<FormatException>(() => DistArray.FromNpy<int>(Fixture("f8_3x4.npy"), 2));
        Assert.That(ex!.Message, Does.Contain("'<f8'").And.Contain("int32"));
    }

    [TestCase("f8_3x4.npy")]
    [TestCase("f4_5.npy")]
    [TestCase("i4_2x3x4.npy")]
    [TestCase("i8_7.npy")]
    [TestCase("f8_empty_0x3.npy")]
    public void ToNpy_SameBytesAsNumpy(string fixture)
    {
        string path = Temp();
        try
        {
            switch (fixture[..2])
            {
                case "f8": DistArray.FromNpy<double>(Fixture(fixture), 2).Rechunk(1).ToNpy(path, Cases.Threads); break;
                case "f4": DistArray.FromNpy<float>(Fixture(fixture), 2).ToNpy(path, Cases.Sync); break;
                case "i4": DistArray.FromNpy<int>(Fixture(fixture), new[] { 2, 2, 3 }).ToNpy(path, Cases.Threads); break;
                default: DistArray.FromNpy<long>(Fixture(fixture), 4).ToNpy(path); break;
            }
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(File.ReadAllBytes(Fixture(fixture))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void ToNpy_RaggedBlocks_RoundTrips()
    {
        string path = Temp();
        try
        {
            var x = DistArray.Random([17, 5, 3], new[] { new[] { 4, 4, 4, 4, 1 }, new[] { 2, 3 }, new[] { 3 } }, 5);
            long bytes = x.ToNpy(path, Cases.Threads);
            var back = DistArray.FromNpy<double>(path, new[] { 5, 5, 2 });
            Assert.Multiple(() =>
            {
                Assert.That(bytes, Is.EqualTo(17 * 5 * 3 * 8));
                Assert.That(back.Compute(Cases.Sync), Is.EqualTo(x.Compute(Cases.Sync)));
                Assert.That(new FileInfo(path).Length % 64, Is.EqualTo((17 * 5 * 3 * 8) % 64), "the data starts on a 64-byte boundary");
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void FromNpy_NotNpy_FormatException()
    {
        string path = Temp();
        File.WriteAllText(path, "hello");
        try
        {
            var ex = Assert.Throws<FormatException>(() => DistArray.FromNpy<double>(path, 2));
            Assert.That(ex!.Message, Does.Contain("is not a .npy file"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void FromNpy_GraphUsesBuiltinsAndSerializes()
    {
        var x = DistArray.FromNpy<double>(Fixture("f8_3x4.npy"), 2).Sum(axis: 0);
        Assert.DoesNotThrow(() => TaskGraph.Deserialize(x.GetGraph().Serialize()));
    }
}
