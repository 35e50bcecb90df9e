using System.Text;
using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Bag;

public class ReadLinesTests
{
    private string _dir = null!;

    [SetUp]
    public void MakeDirectory() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"bag-lines-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text, bool bom = false)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, [.. (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. Encoding.UTF8.GetBytes(text)]);
        return path;
    }

    private static readonly string[] Texts =
    [
        "", "\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\r\n\r\n", "one\rtwo\r\nthree\n\nfour", "x\r", "\r", "ünï\ncödé ☃\n",
        string.Join("\n", Enumerable.Range(0, 50).Select(i => new string((char)('a' + i % 26), i * 7))),
        string.Join("\r\n", Enumerable.Range(0, 40).Select(i => i % 5 == 0 ? "" : $"line {i}")) + "\r\n",
    ];

    [Test]
    public void ReadLines_AnyBlockSize_ExactlyFileReadLines([Values(1, 2, 3, 5, 8, 64, 1 << 20)] int blockSize)
    {
        for (int t = 0; t < Texts.Length; t++)
        {
            var path = Write($"t{t}.txt", Texts[t], bom: t % 3 == 1);
            var lines = DistBag.ReadLines(path, blockSize).Compute(new SynchronousScheduler());
            Assert.That(lines, Is.EqualTo(File.ReadLines(path).ToList()), $"text {t} in blocks of {blockSize}");
        }
    }

    [Test]
    public void ReadLines_LineLongerThanTheBlock_ReadOnceByTheBlockItStartsIn()
    {
        var path = Write("long.txt", "short\n" + new string('z', 5000) + "\nend");
        var bag = DistBag.ReadLines(path, blockSize: 100);
        Assert.That(bag.PartitionCount, Is.EqualTo(51));
        Assert.That(bag.Compute(new ThreadedScheduler(2)), Is.EqualTo(new[] { "short", new string('z', 5000), "end" }));
    }

    [Test]
    public void ReadLines_Glob_FilesInOrdinalOrderEmptyFilesIncluded()
    {
        Write("b.txt", "b1\nb2\n");
        Write("a.txt", "a1\n");
        Write("c.txt", "");
        Write("skip.csv", "x\n");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        Write(Path.Combine("sub", "d.txt"), "d1");
        Assert.That(DistBag.ReadLines(Path.Combine(_dir, "*.txt")).Compute(), Is.EqualTo(new[] { "a1", "b1", "b2" }));
        Assert.That(DistBag.ReadLines(Path.Combine(_dir, "**", "*.txt")).Compute(), Is.EqualTo(new[] { "a1", "b1", "b2", "d1" }));
    }

    [Test]
    public void ReadLines_MissingFileOrEmptyGlob_FailsWithThePathAsGiven()
    {
        var missing = Path.Combine(_dir, "nope.txt");
        Assert.That(Assert.Throws<FileNotFoundException>(() => DistBag.ReadLines(missing))!.Message, Does.Contain(missing));
        var glob = Path.Combine(_dir, "*.log");
        Assert.That(Assert.Throws<FileNotFoundException>(() => DistBag.ReadLines(glob))!.Message, Does.Contain(glob).And.Contain("no file matches"));
    }

    [Test]
    public void ReadLines_TakeFirst_StopsReadingAtTheFirstPartition()
    {
        var path = Write("many.txt", string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"l{i}")));
        var first = DistBag.ReadLines(path, blockSize: 500).Take(3);
        Assert.That(first.Compute(new SynchronousScheduler()), Is.EqualTo(new[] { "l0", "l1", "l2" }));
        Assert.That(DistBag.ReadLines(path, blockSize: 500).First().Compute(), Is.EqualTo("l0"));
    }
}
