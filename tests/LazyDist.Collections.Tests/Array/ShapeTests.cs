namespace LazyDist.Collections.Tests.Array;

#pragma warning disable NUnit1027 // FsCheck supplies the arguments.
public class ShapeTests
{
    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Rechunk_KeepsValues(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r);
        var (x, rx) = Cases.Make(r, shape);
        var y = x.Rechunk(Cases.Chunking(r, shape));
        return y.Compute(Cases.On(seed)).SequenceEqual(rx.Data) && (y - x).Compute(Cases.On(seed + 1)).All(v => v == 0);
    }

    [FsCheck.NUnit.Property(MaxTest = 80)]
    public bool Slicing_RangesAndIndices_MatchReference(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r, minRank: 1);
        var (x, rx) = Cases.Make(r, shape);
        var slices = new List<Slice>();
        var pick = new List<(int Start, int Count, bool Index)>();
        for (int axis = 0; axis < r.Next(1, shape.Length + 1); axis++)
        {
            int n = (int)shape[axis];
            if (n > 0 && r.Next(3) == 0)
            {
                int i = r.Next(n);
                slices.Add(r.Next(2) == 0 ? i : i - n);
                pick.Add((i, 1, true));
            }
            else
            {
                int a = r.Next(n + 1), b = r.Next(a, n + 2);
                slices.Add(a..b);
                pick.Add((a, Math.Min(b, n) - a, false));
            }
        }
        for (int axis = pick.Count; axis < shape.Length; axis++)
            pick.Add((0, (int)shape[axis], false));
        int[] outShape = [.. pick.Where(p => !p.Index).Select(p => p.Count)];
        var expected = Dense.FromIndices([.. pick.Select(p => p.Count)], index => rx.At([.. index.Select((v, i) => v + pick[i].Start)]));
        var y = x[[.. slices]];
        return y.Shape.SequenceEqual(outShape.Select(s => (long)s)) && y.Compute(Cases.On(seed)).SequenceEqual(expected.Data);
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Transpose_MatchesReference(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r);
        var (x, rx) = Cases.Make(r, shape);
        int[] perm = [.. Enumerable.Range(0, shape.Length).OrderBy(_ => r.Next())];
        return x.Transpose(perm).Compute(Cases.On(seed)).SequenceEqual(rx.Transpose(perm).Data)
            && x.Transpose().Compute(Cases.On(seed)).SequenceEqual(rx.Transpose([.. Enumerable.Range(0, shape.Length).Reverse()]).Data);
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Reshape_KeepsRowMajorOrder(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r);
        var (x, rx) = Cases.Make(r, shape);
        long size = rx.Data.Length;
        var divisors = Enumerable.Range(1, (int)Math.Max(size, 1)).Where(d => size % d == 0).ToArray();
        long d0 = size == 0 ? 0 : divisors[r.Next(divisors.Length)];
        long[] target = size == 0 ? [0, 3] : r.Next(2) == 0 ? [d0, size / d0] : [d0, -1, 1];
        var y = x.Reshape(target);
        return y.Compute(Cases.On(seed)).SequenceEqual(rx.Data) && x.Ravel().Compute(Cases.Sync).SequenceEqual(rx.Data) && y.Length == size;
    }

    [FsCheck.NUnit.Property(MaxTest = 50)]
    public bool ConcatenateAndStack_MatchReference(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r, minRank: 1);
        int axis = r.Next(shape.Length);
        var other = (long[])shape.Clone();
        other[axis] = r.Next(0, 5);
        var (a, ra) = Cases.Make(r, shape);
        var (b, rb) = Cases.Make(r, other);
        var (c, rc) = Cases.Make(r, shape);
        long[] joined = [.. shape.Select((s, i) => i == axis ? s + other[i] : s)];
        var expected = Dense.FromIndices([.. joined.Select(s => (int)s)], index =>
            index[axis] < shape[axis] ? ra.At(index) : rb.At([.. index.Select((v, i) => i == axis ? v - (int)shape[axis] : v)]));
        var stacked = DistArray.Stack([a, c], axis);
        var stackExpected = Dense.FromIndices([.. stacked.Shape.Select(s => (int)s)], index =>
            (index[axis] == 0 ? ra : rc).At([.. index.Where((_, i) => i != axis)]));
        return DistArray.Concatenate([a, b], axis).Compute(Cases.On(seed)).SequenceEqual(expected.Data)
            && stacked.Compute(Cases.On(seed)).SequenceEqual(stackExpected.Data);
    }

    [FsCheck.NUnit.Property(MaxTest = 50)]
    public bool MatMul_MatchesReference(int seed)
    {
        var r = new Random(seed);
        int m = r.Next(0, 6), k = r.Next(0, 6), n = r.Next(0, 6);
        var (a, ra) = Cases.Make(r, [m, k], integers: true);
        var (b, rb) = Cases.Make(r, [k, n], integers: true);
        var (v, rv) = Cases.Make(r, [k], integers: true);
        var (w, rw) = Cases.Make(r, [k], integers: true);
        var expected = Dense.FromIndices([m, n], ij => Enumerable.Range(0, k).Sum(t => ra.At([ij[0], t]) * rb.At([t, ij[1]])));
        var mv = Dense.FromIndices([m], i => Enumerable.Range(0, k).Sum(t => ra.At([i[0], t]) * rv.Data[t]));
        var vm = Dense.FromIndices([n], j => Enumerable.Range(0, k).Sum(t => rv.Data[t] * rb.At([t, j[0]])));
        var on = Cases.On(seed);
        return a.MatMul(b, splitEvery: 2).Compute(on).SequenceEqual(expected.Data)
            && a.MatMul(v).Compute(on).SequenceEqual(mv.Data)
            && v.MatMul(b).Compute(on).SequenceEqual(vm.Data)
            && v.Dot(w).Compute(on) == rv.Data.Zip(rw.Data).Sum(p => p.First * p.Second);
    }

    [FsCheck.NUnit.Property(MaxTest = 30)]
    public bool MapBlocksAndBlocks_MatchReference(int seed)
    {
        var r = new Random(seed);
        var shape = Cases.Shape(r, minRank: 1);
        var (x, rx) = Cases.Make(r, shape);
        var doubled = x.MapBlocks((DenseArray<double> block) => new DenseArray<double>([.. block.Shape], [.. block.Data.Select(v => v * 2)]));
        var firstIndex = new int[shape.Length];
        var first = x.Blocks[firstIndex];
        int firstLength = x.ChunkLength(0);
        return doubled.Compute(Cases.On(seed)).SequenceEqual(rx.Data.Select(v => v * 2))
            && first.Length == firstLength && first.Shape.SequenceEqual(x.BlockShape(0).Select(s => (long)s))
            && x.Blocks.Count == x.ChunkCount;
    }

    [Test]
    public void Slicing_WholeBlocksAreReusedWithoutTasks()
    {
        var x = DistArray.Random([100], 10, 1);
        var y = x[20..40];
        Assert.Multiple(() =>
        {
            Assert.That(y.ChunkKeys, Is.EqualTo(new[] { x.ChunkKey(2), x.ChunkKey(3) }));
            Assert.That(y.Compute(Cases.Sync), Is.EqualTo(x.Compute(Cases.Sync)[20..40]));
        });
    }

    [Test]
    public void Slicing_IndexOutOfRange_MessageNamesAxisAndSize()
    {
        var x = DistArray.Zeros<int>([4, 5], 2);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _ = x[.., 7]);
        Assert.That(ex!.Message, Does.Contain("index 7 is out of bounds for axis 1 with size 5"));
    }

    [Test]
    public void Reshape_WrongSize_MessageNamesShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => DistArray.Zeros<int>([4, 5], 2).Reshape(3, 7));
        Assert.That(ex!.Message, Does.Contain("cannot reshape array of shape (4, 5) into shape (3, 7)"));
    }

    [Test]
    public void MatMul_InnerMismatch_MessageNamesShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => DistArray.Zeros<double>([4, 5], 2).MatMul(DistArray.Zeros<double>([4, 5], 2)));
        Assert.That(ex!.Message, Does.Contain("(4, 5) and (4, 5)"));
    }

    [Test]
    public void MatMul_LargerRandom_CloseToReference()
    {
        var a = DistArray.Random([40, 70], new[] { 13, 9 }, 1);
        var b = DistArray.Random([70, 30], new[] { 11, 7 }, 2);
        var da = a.ComputeDense(Cases.Sync);
        var db = b.ComputeDense(Cases.Sync);
        var c = a.MatMul(b).ComputeDense(Cases.Threads);
        double expected = Enumerable.Range(0, 70).Sum(t => da[17, t] * db[t, 29]);
        Assert.That(c[17, 29], Is.EqualTo(expected).Within(1e-12));
    }
}
#pragma warning restore NUnit1027
