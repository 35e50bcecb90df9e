namespace LazyDist.Collections.Tests.Array;

/// <summary>Stepped slices, NewAxis, Ellipsis, index arrays, boolean masks and axis operations, against numpy's values.</summary>
public class IndexingTests
{
    private static DistArray<double> X(int chunk) => DistArray.Arange(10.0, chunk);

    private static DistArray<long> A() => DistArray.Arange(24L, 24).Reshape(4, 6).Rechunk(new[] { 3, 4 });

    [Test]
    public void SteppedSlices_AsNumpy([Values(1, 3, 10)] int chunk)
    {
        var x = X(chunk);
        Assert.Multiple(() =>
        {
            // x = np.arange(10.); x[::2], x[1:8:3], x[::-1], x[8:2:-2], x[-1:-11:-1], x[-20::-1], x[5:5], x[9:0:-4]
            Assert.That(x[new Slice(null, null, 2)].Compute(Cases.Sync), Is.EqualTo(new[] { 0.0, 2, 4, 6, 8 }));
            Assert.That(x[new Slice(1, 8, 3)].Compute(Cases.Threads), Is.EqualTo(new[] { 1.0, 4, 7 }));
            Assert.That(x[new Slice(null, null, -1)].Compute(Cases.Sync), Is.EqualTo(new[] { 9.0, 8, 7, 6, 5, 4, 3, 2, 1, 0 }));
            Assert.That(x[new Slice(8, 2, -2)].Compute(Cases.Sync), Is.EqualTo(new[] { 8.0, 6, 4 }));
            Assert.That(x[new Slice(-1, -11, -1)].Compute(Cases.Sync), Is.EqualTo(new[] { 9.0, 8, 7, 6, 5, 4, 3, 2, 1, 0 }));
            Assert.That(x[new Slice(-20, null, -1)].Compute(Cases.Sync), Is.Empty);
            Assert.That(x[new Slice(5, 5)].Compute(Cases.Sync), Is.Empty);
            Assert.That(x[new Slice(9, 0, -4)].Compute(Cases.Sync), Is.EqualTo(new[] { 9.0, 5, 1 }));
            Assert.That(x[2..^3].Compute(Cases.Sync), Is.EqualTo(new[] { 2.0, 3, 4, 5, 6 }));
            Assert.That(() => new Slice(0, 3, 0), Throws.ArgumentException.With.Message.Contains("slice step cannot be zero"));
        });
    }

    [Test]
    public void TwoAxes_StepsNewAxisEllipsis_AsNumpy()
    {
        var a = A();
        Assert.Multiple(() =>
        {
            // a = np.arange(24).reshape(4, 6); a[::-1, ::2]; a[1:, ::-3]
            Assert.That(a[new Slice(null, null, -1), new Slice(null, null, 2)].ComputeDense(Cases.Sync).ToArray2D(),
                Is.EqualTo(new long[,] { { 18, 20, 22 }, { 12, 14, 16 }, { 6, 8, 10 }, { 0, 2, 4 } }));
            Assert.That(a[1.., new Slice(null, null, -3)].ComputeDense(Cases.Threads).ToArray2D(), Is.EqualTo(new long[,] { { 11, 8 }, { 17, 14 }, { 23, 20 } }));
            // a[None, 1, :].shape == (1, 6); a[:, None].shape == (4, 1, 6); a[..., 0]; a[1, ..., None].shape == (6, 1)
            Assert.That(a[Slice.NewAxis, 1, ..].Shape, Is.EqualTo(new[] { 1L, 6 }));
            Assert.That(a[.., Slice.NewAxis].Shape, Is.EqualTo(new[] { 4L, 1, 6 }));
            Assert.That(a[Slice.Ellipsis, 0].Compute(Cases.Sync), Is.EqualTo(new[] { 0L, 6, 12, 18 }));
            Assert.That(a[1, Slice.Ellipsis, Slice.NewAxis].Shape, Is.EqualTo(new[] { 6L, 1 }));
            Assert.That(a[1, Slice.Ellipsis, Slice.NewAxis].Compute(Cases.Sync), Is.EqualTo(new[] { 6L, 7, 8, 9, 10, 11 }));
        });
    }

    [Test]
    public void IndexArrays_AsNumpy()
    {
        Assert.Multiple(() =>
        {
            // x[[3, 0, 0, 9, -1]]; a[:, [5, 0, 2]]
            Assert.That(X(3)[new[] { 3, 0, 0, 9, -1 }].Compute(Cases.Sync), Is.EqualTo(new[] { 3.0, 0, 0, 9, 9 }));
            Assert.That(X(4).Take([3, 0, 0, 9, -1]).Compute(Cases.Threads), Is.EqualTo(new[] { 3.0, 0, 0, 9, 9 }));
            Assert.That(A()[.., new[] { 5, 0, 2 }].ComputeDense(Cases.Sync).ToArray2D(),
                Is.EqualTo(new long[,] { { 5, 0, 2 }, { 11, 6, 8 }, { 17, 12, 14 }, { 23, 18, 20 } }));
            Assert.That(() => X(3)[new[] { 10 }], Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("index 10 is out of bounds for axis 0 with size 10"));
            Assert.That(X(3)[System.Array.Empty<int>()].Compute(Cases.Sync), Is.Empty);
        });
    }

    [Test]
    public void BooleanMask_UnknownChunksUntilComputed_AsNumpy()
    {
        var x = X(3);
        var selected = x[x > 4.0];
        var a = A();
        Assert.Multiple(() =>
        {
            // x[x > 4]; a[a % 5 == 0] (row-major order of the whole array)
            Assert.That(selected.HasUnknownChunks, Is.True);
            Assert.That(selected.Shape, Is.EqualTo(new[] { -1L }));
            Assert.That(selected.Compute(Cases.Sync), Is.EqualTo(new[] { 5.0, 6, 7, 8, 9 }));
            Assert.That((selected * 2.0).Sum().Compute(Cases.Threads), Is.EqualTo(70.0));
            Assert.That(selected.Max().Compute(Cases.Sync), Is.EqualTo(9.0));
            Assert.That(a[(a % 5L).Equal(0L)].Compute(Cases.Sync), Is.EqualTo(new[] { 0L, 5, 10, 15, 20 }));
            var known = selected.ComputeChunkSizes(Cases.Sync);
            Assert.That(known.Chunks, Is.EqualTo(new[] { new[] { 0, 1, 3, 1 } }));
            Assert.That(known[1..3].Compute(Cases.Sync), Is.EqualTo(new[] { 6.0, 7 }));
            Assert.That(() => selected.Rechunk(2), Throws.InvalidOperationException.With.Message.Contains("ComputeChunkSizes"));
            Assert.That(() => x[x > 100.0].Min().Compute(Cases.Sync), Throws.InstanceOf<LazyDist.Graph.TaskFailedException>().With.Message.Contains("zero-size array to reduction operation minimum"));
            Assert.That(() => x[DistArray.Zeros<bool>([3], 1)], Throws.ArgumentException.With.Message.Contains("boolean index did not match indexed array along dimension 0; dimension is 10 but corresponding boolean dimension is 3"));
        });
    }

    [Test]
    public void AxisOperations_AsNumpy()
    {
        var b = DistArray.Arange(6L, 2).Reshape(1, 2, 1, 3);
        var a = A();
        var x = X(4);
        Assert.Multiple(() =>
        {
            Assert.That(b.Squeeze().Shape, Is.EqualTo(new[] { 2L, 3 }));
            Assert.That(b.Squeeze([0, 2]).Shape, Is.EqualTo(new[] { 2L, 3 }));
            Assert.That(() => b.Squeeze(1), Throws.ArgumentException.With.Message.Contains("cannot select an axis to squeeze out which has size not equal to one"));
            Assert.That(a.ExpandDims(1).Shape, Is.EqualTo(new[] { 4L, 1, 6 }));
            Assert.That(DistArray.Arange(3.0, 2).BroadcastTo(2, 3).ComputeDense(Cases.Sync).ToArray2D(), Is.EqualTo(new double[,] { { 0, 1, 2 }, { 0, 1, 2 } }));
            Assert.That(() => DistArray.Arange(3.0, 2).BroadcastTo(2, 4), Throws.ArgumentException.With.Message.Contains("requested shape (2, 4)"));
            Assert.That(b.SwapAxes(1, 3).Shape, Is.EqualTo(new[] { 1L, 3, 1, 2 }));
            Assert.That(DistArray.Zeros<double>([2, 3, 4], 2).MoveAxis(0, -1).Shape, Is.EqualTo(new[] { 3L, 4, 2 }));
            // np.flip(a, 0)[0], np.flip(a)[0], np.roll(x, 3), np.roll(x, -12), np.roll(a, 1, axis=1)[0], np.roll(a, 2)[0]
            Assert.That(a.Flip(0)[0].Compute(Cases.Sync), Is.EqualTo(new[] { 18L, 19, 20, 21, 22, 23 }));
            Assert.That(a.Flip()[0].Compute(Cases.Sync), Is.EqualTo(new[] { 23L, 22, 21, 20, 19, 18 }));
            Assert.That(x.Roll(3).Compute(Cases.Sync), Is.EqualTo(new[] { 7.0, 8, 9, 0, 1, 2, 3, 4, 5, 6 }));
            Assert.That(x.Roll(-12).Compute(Cases.Sync), Is.EqualTo(new[] { 2.0, 3, 4, 5, 6, 7, 8, 9, 0, 1 }));
            Assert.That(a.Roll(1, axis: 1)[0].Compute(Cases.Sync), Is.EqualTo(new[] { 5L, 0, 1, 2, 3, 4 }));
            Assert.That(a.Roll(2)[0].Compute(Cases.Threads), Is.EqualTo(new[] { 22L, 23, 0, 1, 2, 3 }));
        });
    }
}
