using LazyDist.Schedulers;

namespace LazyDist.Collections.Tests.Bag;

public record Row(int Id, string Name, double Score, DateTime? When);

public class FilesTests
{
    private string _dir = null!;

    [SetUp]
    public void MakeDirectory() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"bag-files-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void ToCsvThenReadCsv_RecordsRoundTrip()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new Row(i, i % 3 == 0 ? "a,\"quoted\"" : $"n{i}", i * 1.25, i % 4 == 0 ? null : new DateTime(2026, 1, 1).AddDays(i))).ToList();
        var written = DistBag.From(rows, 3).ToCsv(Path.Combine(_dir, "out"), new ThreadedScheduler(2));
        Assert.That(written.Select(Path.GetFileName), Is.EqualTo(new[] { "part-00000.csv", "part-00001.csv", "part-00002.csv" }));
        var back = DistBag.ReadCsv<Row>(Path.Combine(_dir, "out", "*.csv")).Compute();
        Assert.That(back, Is.EqualTo(rows));
    }

    [Test]
    public void ReadCsv_NoHeader_ByConstructorPosition()
    {
        File.WriteAllText(Path.Combine(_dir, "e.csv"), "1,ann,2.5,\n2,bob,3,2026-02-03\n");
        Assert.That(DistBag.ReadCsv<Row>(Path.Combine(_dir, "e.csv"), hasHeader: false).Compute(new SynchronousScheduler()),
            Is.EqualTo(new[] { new Row(1, "ann", 2.5, null), new Row(2, "bob", 3, new DateTime(2026, 2, 3)) }));
    }

    [Test]
    public void ReadCsv_BadRow_FailsWithPathLineAndColumn()
    {
        var path = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(path, "Id,Name,Score,When\n1,a,1.5,\n2,b,oops,\n");
        var ex = Assert.Throws<LazyDist.Graph.TaskFailedException>(() => DistBag.ReadCsv<Row>(path).Compute(new SynchronousScheduler()));
        Assert.That(ex!.Message, Does.Contain(path).And.Contain("line 3").And.Contain("Score").And.Contain("oops"));
    }

    [Test]
    public void ToTextFiles_OneFilePerPartitionReadBackByReadLines()
    {
        var written = DistBag.Range(0, 25, 4).Select(i => i * 0.5).ToTextFiles(Path.Combine(_dir, "txt"));
        Assert.That(written, Has.Count.EqualTo(4));
        Assert.That(DistBag.ReadLines(Path.Combine(_dir, "txt", "*.txt")).Select(double.Parse).Compute(), Is.EqualTo(Enumerable.Range(0, 25).Select(i => i * 0.5)));
    }
}
