namespace LazyDist.Collections.Tests.Array;

/// <summary>MatMul of stacks, Outer, TensorDot and Einsum against numpy's values.</summary>
public class LinearAlgebraTests
{
    private static DistArray<double> R(int n, ChunkSpec chunks, params long[] shape) => DistArray.Arange((double)n, chunks.Uniform > 0 ? chunks.Uniform : 1).Reshape(shape).Rechunk(chunks);

    [Test]
    public void MatMul_StacksAndVectors_AsNumpy([Values(1, 2, 3)] int chunk)
    {
        var s = R(24, chunk, 2, 3, 4);
        var t = R(8, chunk, 2, 4, 1);
        Assert.Multiple(() =>
        {
            // np.matmul(np.arange(24.).reshape(2, 3, 4), np.arange(8.).reshape(2, 4, 1))
            Assert.That(s.MatMul(t).Compute(Cases.Sync), Is.EqualTo(new[] { 14.0, 38, 62, 302, 390, 478 }));
            Assert.That(s.MatMul(t).Shape, Is.EqualTo(new[] { 2L, 3, 1 }));
            // np.matmul(np.arange(12.).reshape(3, 4), np.arange(4.)); np.matmul(np.arange(3.), np.arange(6.).reshape(3, 2))
            Assert.That(R(12, chunk, 3, 4).MatMul(R(4, chunk, 4)).Compute(Cases.Threads), Is.EqualTo(new[] { 14.0, 38, 62 }));
            Assert.That(R(3, chunk, 3).MatMul(R(6, chunk, 3, 2)).Compute(Cases.Sync), Is.EqualTo(new[] { 10.0, 13 }));
            // the stacks broadcast: (2, 1, 3, 4) @ (2, 4, 1) -> (2, 2, 3, 1); r[0, 1] and r[1, 0]
            var broadcast = R(24, chunk, 2, 1, 3, 4).MatMul(t);
            Assert.That(broadcast.Shape, Is.EqualTo(new[] { 2L, 2, 3, 1 }));
            Assert.That(broadcast[0, 1].Compute(Cases.Sync), Is.EqualTo(new[] { 38.0, 126, 214 }));
            Assert.That(broadcast[1, 0].Compute(Cases.Sync), Is.EqualTo(new[] { 86.0, 110, 134 }));
            Assert.That(() => R(6, chunk, 2, 3).MatMul(R(6, chunk, 2, 3)), Throws.ArgumentException.With.Message.Contains("inner dimensions differ"));
        });
    }

    [Test]
    public void OuterTensorDot_AsNumpy()
    {
        Assert.Multiple(() =>
        {
            // np.outer([1, 2], [3, 4, 5])
            Assert.That(DistArray.FromArray(new long[] { 1, 2 }, 1).Outer(DistArray.FromArray(new long[] { 3, 4, 5 }, 2)).ComputeDense(Cases.Sync).ToArray2D(),
                Is.EqualTo(new long[,] { { 3, 4, 5 }, { 6, 8, 10 } }));
            // np.tensordot(np.arange(24.).reshape(2, 3, 4), np.arange(12.).reshape(3, 4), axes=2)
            Assert.That(R(24, 2, 2, 3, 4).TensorDot(R(12, 2, 3, 4)).Compute(Cases.Sync), Is.EqualTo(new[] { 506.0, 1298 }));
            // np.tensordot(np.arange(6.).reshape(2, 3), np.arange(6.).reshape(3, 2), axes=([1], [0]))
            Assert.That(R(6, 1, 2, 3).TensorDot(R(6, 2, 3, 2), [1], [0]).ComputeDense(Cases.Sync).ToArray2D(), Is.EqualTo(new double[,] { { 10, 13 }, { 28, 40 } }));
        });
    }

    [Test]
    public void Einsum_CommonContractions_AsNumpy()
    {
        var a = R(6, 2, 2, 3);
        var b = R(12, 2, 3, 4);
        var square = R(9, 2, 3, 3);
        Assert.Multiple(() =>
        {
            // np.einsum('ij,jk->ik', A, B), 'ij->ji', 'ij->i', 'ii->i', 'ii', 'bij,bjk->bik', 'i,j->ij', 'ij,ij->', 'ij,jk' (implicit), 'ij,j->i'
            Assert.That(DistArray.Einsum("ij,jk->ik", a, b).Compute(Cases.Sync), Is.EqualTo(new[] { 20.0, 23, 26, 29, 56, 68, 80, 92 }));
            Assert.That(DistArray.Einsum("ij->ji", a).Compute(Cases.Sync), Is.EqualTo(new[] { 0.0, 3, 1, 4, 2, 5 }));
            Assert.That(DistArray.Einsum("ij->i", a).Compute(Cases.Sync), Is.EqualTo(new[] { 3.0, 12 }));
            Assert.That(DistArray.Einsum("ii->i", square).Compute(Cases.Sync), Is.EqualTo(new[] { 0.0, 4, 8 }));
            Assert.That(DistArray.Einsum("ii", square).Compute(Cases.Sync), Is.EqualTo(new[] { 12.0 }));
            Assert.That(DistArray.Einsum("bij,bjk->bik", R(12, 2, 2, 2, 3), R(12, 2, 2, 3, 2)).Compute(Cases.Threads), Is.EqualTo(new[] { 10.0, 13, 28, 40, 172, 193, 244, 274 }));
            Assert.That(DistArray.Einsum("i,j->ij", DistArray.FromArray(new[] { 1.0, 2 }, 1), DistArray.FromArray(new[] { 3.0, 4, 5 }, 2)).Compute(Cases.Sync), Is.EqualTo(new[] { 3.0, 4, 5, 6, 8, 10 }));
            Assert.That(DistArray.Einsum("ij,ij->", a, a).Compute(Cases.Sync), Is.EqualTo(new[] { 55.0 }));
            Assert.That(DistArray.Einsum("ij,jk", a, b).Shape, Is.EqualTo(new[] { 2L, 4 }));
            Assert.That(DistArray.Einsum("ij,j->i", a, DistArray.FromArray(new[] { 1.0, 2, 3 }, 2)).Compute(Cases.Sync), Is.EqualTo(new[] { 8.0, 26 }));
            Assert.That(() => DistArray.Einsum("ij,jk->ik", a, a), Throws.ArgumentException.With.Message.Contains("'j' has length 3 in one operand and 2"));
        });
    }
}
