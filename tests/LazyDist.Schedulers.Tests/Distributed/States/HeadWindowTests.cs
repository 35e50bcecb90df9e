using LazyDist.Distributed.States;
using NUnit.Framework;

namespace LazyDist.Schedulers.Tests.Distributed.States;

/// <summary>The head window both ends of a center–worker connection keep: its bounds, and that the two ends' windows agree.</summary>
[TestFixture]
public sealed class HeadWindowTests
{
    [Test]
    public void Add_MoreThanMaxHeads_TheOldestGoFirst()
    {
        var window = new HeadWindow<long>();
        for (long id = 1; id <= HeadWindow<long>.MaxHeads + 2; id++)
            window.Add(id, id, [1, 2, 3]);
        Assert.That(window.Count, Is.EqualTo(HeadWindow<long>.MaxHeads));
        Assert.That(window.TryGet(1, out _, out _), Is.False);
        Assert.That(window.TryGet(2, out _, out _), Is.False);
        Assert.That(window.TryGet(3, out long three, out byte[] bytes), Is.True);
        Assert.That((three, bytes), Is.EqualTo((3L, new byte[] { 1, 2, 3 })));
    }

    [Test]
    public void Add_MoreThanMaxBytes_TheOldestGo_AHeadAboveTheBoundIsNotKept()
    {
        var window = new HeadWindow<long>();
        int third = (int)(HeadWindow<long>.MaxBytes / 3);
        window.Add(1, 1, new byte[third]);
        window.Add(2, 2, new byte[third]);
        window.Add(3, 3, new byte[third]);
        window.Add(4, 4, new byte[third]);
        Assert.That(new long[] { 1, 2, 3, 4 }.Select(id => window.TryGet(id, out _, out _)), Is.EqualTo(new[] { false, true, true, true }));
        window.Add(5, 5, new byte[HeadWindow<long>.MaxBytes + 1]);
        Assert.That(window.Count, Is.Zero, "a head alone above the bound pushes everything out, itself last");
    }

    [Test]
    public void Add_TwiceUnderOneKey_Throws()
    {
        var window = new HeadWindow<long>();
        window.Add(1, 1, [1]);
        Assert.Throws<ArgumentException>(() => window.Add(1, 1, [2]));
    }

    [TestCase(3)]
    [TestCase(11)]
    public void CenterAndWorkerWindows_SameAddsInOneOrder_KeepTheSameHeads(int seed)
    {
        // The center finds a head by its array, the worker by its id: fed as the wire feeds them, they agree at every message.
        var random = new Random(seed);
        var heads = Enumerable.Range(0, 6000).Select(i => new byte[1 + random.Next(8000)]).ToArray();
        var center = new HeadWindow<byte[]>(ReferenceEqualityComparer.Instance);
        var worker = new HeadWindow<long>();
        long next = 0;
        for (int message = 0; message < 30_000; message++)
        {
            var head = heads[(int)Math.Min(heads.Length - 1, Math.Abs(random.NextDouble() - random.NextDouble()) * heads.Length)];
            bool sent = !center.TryGet(head, out long id, out _);
            if (sent)
            {
                id = ++next;
                center.Add(head, id, head);
                worker.Add(id, id, head);
            }
            Assert.That(worker.TryGet(id, out _, out byte[] kept), Is.True, $"message {message}: head {id}");
            Assert.That(kept, Is.SameAs(head));
            Assert.That(worker.Count, Is.EqualTo(center.Count));
        }
        Assert.That(next, Is.GreaterThan(HeadWindow<long>.MaxHeads), "the bounds were reached");
    }
}
