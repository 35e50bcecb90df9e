using LazyDist.Distributed.Worker;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Memory;

/// <summary>The store's spilling on real files: each value written once, read back at most once, its file gone when read or dropped.</summary>
public class WorkerStoreSpillTests
{
    private string _parent = "";
    private SpillDirectory _directory = null!;

    [SetUp]
    public void MakeDirectory()
    {
        _parent = Path.Combine(Path.GetTempPath(), $"lazydist-spill-tests-{Guid.NewGuid():N}");
        _directory = SpillDirectory.Create(_parent, "w/1");
    }

    [TearDown]
    public void RemoveDirectory()
    {
        _directory.Dispose();
        Directory.Delete(_parent, recursive: true);
    }

    private int SpillFiles() => Directory.GetFiles(_directory.Path, "*.spill").Length;

    [Test]
    public void Spill_Doubles_ReadBackExactlyOnce_FileDeleted()
    {
        var store = new WorkerStore();
        var values = Enumerable.Range(0, 100_000).Select(i => i * 0.5).ToArray();
        store.Put("x", values, owned: true);
        Assert.That(store.Spill("x", _directory), Is.EqualTo(800_002));
        Assert.That((SpillFiles(), store.SpilledBytes, store.SpilledKeys), Is.EqualTo((1, 800_002L, 1L)));

        Assert.That(store.TryGet("x", out var back), Is.True);
        Assert.That(back, Is.EqualTo(values).And.InstanceOf<double[]>());
        Assert.That(SpillFiles(), Is.Zero, "read back: the file is gone");
        Assert.That(store.TakeUnspilled().ToArray(), Is.EqualTo(new TaskKey[] { "x" }));
        Assert.That(store.TryGet("x", out var again) && ReferenceEquals(again, back), Is.True, "in memory again: not read twice");
        Assert.That((store.TakeUnspilled().Count, store.UnspilledBytes), Is.EqualTo((0, 800_002L)));
    }

    [TestCase("packed")]
    [TestCase("bytes")]
    [TestCase("longs")]
    public void Spill_EveryKind_RoundTrips(string kind)
    {
        object value = kind switch
        {
            "packed" => new object?[] { 1L, "two", 3.0 },
            "bytes" => new byte[] { 1, 2, 3 },
            _ => new long[] { long.MinValue, 0, long.MaxValue },
        };
        var store = new WorkerStore();
        store.Put("v", value, owned: false);
        Assert.That(store.Spill("v", _directory), Is.Positive);
        Assert.That(store.TryGetForSending("v", out var sent), Is.True);
        store.SendDone("v");
        Assert.That(sent, Is.EqualTo(value), "a peer's fetch reads it back");
    }

    [Test]
    public void Drop_SpilledValue_DeletesItsFile()
    {
        var store = new WorkerStore();
        store.Put("x", new double[1000], owned: true);
        store.Spill("x", _directory);
        store.Drop("x");
        Assert.That((SpillFiles(), store.Count, store.TryGet("x", out _)), Is.EqualTo((0, 0, false)));
    }

    [Test]
    public void Spill_MissingOrAlreadySpilled_WritesNothing()
    {
        var store = new WorkerStore();
        Assert.That(store.Spill("absent", _directory), Is.Zero);
        store.Put("x", new double[10], owned: true);
        store.Spill("x", _directory);
        Assert.That(store.Spill("x", _directory), Is.Zero);
        Assert.That(SpillFiles(), Is.EqualTo(1));
    }

    [Test]
    public void Clear_DeletesEverySpilledFile()
    {
        var store = new WorkerStore();
        for (int i = 0; i < 5; i++)
        {
            store.Put(("x", i), new int[100], owned: true);
            store.Spill(("x", i), _directory);
        }
        store.Clear();
        Assert.That(SpillFiles(), Is.Zero);
    }

    [Test]
    public void Spill_ValueWithNoWireForm_ThrowsAndKeepsItInMemory()
    {
        var store = new WorkerStore();
        var stream = new MemoryStream();
        store.Put("s", stream, owned: false);
        Assert.Throws<NotSupportedException>(() => store.Spill("s", _directory));
        Assert.That(store.TryGet("s", out var kept) && ReferenceEquals(kept, stream), Is.True);
        Assert.That(SpillFiles(), Is.Zero);
    }

    [Test]
    public void Dispose_RemovesTheDirectory_AndTheNextWorkerRemovesOnesLeftByDeadWorkers()
    {
        string abandoned = Path.Combine(_parent, "lazydist-worker-dead-1-0");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, ".lock"), "");
        File.WriteAllText(Path.Combine(abandoned, "1.spill"), "left over");
        string live = _directory.Path;
        using (var next = SpillDirectory.Create(_parent, "w2"))
        {
            Assert.That(Directory.Exists(abandoned), Is.False, "its lock was free: its worker is dead");
            Assert.That(Directory.Exists(live), Is.True, "the live worker's lock is held");
            string mine = next.Path;
            next.Dispose();
            Assert.That(Directory.Exists(mine), Is.False);
        }
    }
}
