using LazyDist.Graph;

namespace LazyDist.Collections.Tests.Array;

/// <summary>
/// The wrong answers a differential run against numpy found, each against the value numpy 1.24
/// gives (the numpy expression is in the comment), on both local schedulers.
/// </summary>
public class NumpyAnswersTests
{
    private static readonly IScheduler[] Schedulers = [Cases.Sync, Cases.Threads];

    [Test]
    public void Sum_InfinityOrOverflow_IsInfinityNotNaN([ValueSource(nameof(Schedulers))] IScheduler on)
    {
        Assert.Multiple(() =>
        {
            // np.array([1.0, -np.inf, 2.0]).sum() == -inf
            Assert.That(DistArray.FromArray(new[] { 1.0, double.NegativeInfinity, 2.0 }, 3).Sum().Compute(on), Is.EqualTo(double.NegativeInfinity));
            Assert.That(DistArray.FromArray(new[] { 1.0, double.NegativeInfinity, 2.0 }, 1).Sum().Compute(on), Is.EqualTo(double.NegativeInfinity));
            // np.array([1e308, 1e308]).sum() == inf
            Assert.That(DistArray.FromArray(new[] { 1e308, 1e308 }, 2).Sum().Compute(on), Is.EqualTo(double.PositiveInfinity));
            // np.array([[1e308, 1e308], [1, -np.inf]]).sum(axis=1) == [inf, -inf]
            var rows = DistArray.FromArray(new double[,] { { 1e308, 1e308 }, { 1, double.NegativeInfinity } }, 2);
            Assert.That(rows.Sum(1).Compute(on), Is.EqualTo(new[] { double.PositiveInfinity, double.NegativeInfinity }));
            Assert.That(rows.Sum(0).Compute(on), Is.EqualTo(new[] { 1e308, double.NegativeInfinity }));
            // np.array([3e38, 3e38], np.float32).sum() == inf
            Assert.That(DistArray.FromArray(new[] { 3e38f, 3e38f }, 1).Sum().Compute(on), Is.EqualTo(float.PositiveInfinity));
            Assert.That(DistArray.FromArray(new float[,] { { 3e38f, 3e38f } }, 1).Sum(1).Compute(on), Is.EqualTo(new[] { float.PositiveInfinity }));
        });
    }

    [Test]
    public void MeanVarStd_InfiniteBlockMerged_AsNumpy([ValueSource(nameof(Schedulers))] IScheduler on)
    {
        var x = DistArray.FromArray(new[] { 1.0, double.NegativeInfinity, 2.0, 3.0 }, 2);
        Assert.Multiple(() =>
        {
            // x = np.array([1.0, -np.inf, 2.0, 3.0]); x.mean() == -inf; x.var() and x.std() are nan
            Assert.That(x.Mean().Compute(on), Is.EqualTo(double.NegativeInfinity));
            Assert.That(x.Var().Compute(on), Is.NaN);
            Assert.That(x.Std().Compute(on), Is.NaN);
            // np.array([np.inf, 1, -np.inf, 2]).mean() is nan
            Assert.That(DistArray.FromArray(new[] { double.PositiveInfinity, 1, double.NegativeInfinity, 2 }, 2).Mean().Compute(on), Is.NaN);
            // np.array([[1, -np.inf], [2, 3]]).mean(axis=0) == [1.5, -inf]
            var m = DistArray.FromArray(new double[,] { { 1, double.NegativeInfinity }, { 2, 3 } }, 1);
            Assert.That(m.Mean(0).Compute(on), Is.EqualTo(new[] { 1.5, double.NegativeInfinity }));
        });
    }

    [Test]
    public void Abs_MostNegativeInteger_WrapsAsNumpy([ValueSource(nameof(Schedulers))] IScheduler on)
    {
        Assert.Multiple(() =>
        {
            // np.abs(np.int32(-2**31)) == -2**31
            Assert.That(DistArray.FromArray(new[] { int.MinValue, -3 }, 1).Abs().Compute(on), Is.EqualTo(new[] { int.MinValue, 3 }));
            Assert.That(DistArray.FromArray(new[] { long.MinValue }, 1).Abs().Compute(on), Is.EqualTo(new[] { long.MinValue }));
            // np.abs(np.array([-2**31, 1], np.int32)).sum() == -2147483647 (fused into the sum)
            Assert.That(DistArray.FromArray(new[] { int.MinValue, 1 }, 2).Abs().Sum().Compute(on), Is.EqualTo(-2147483647L));
        });
    }

    [Test]
    public void Divide_Integers_FloorDivisionAsNumpys([ValueSource(nameof(Schedulers))] IScheduler on)
    {
        Assert.Multiple(() =>
        {
            // np.array([-2**31], np.int32) // np.array([-1], np.int32) == [-2**31]
            Assert.That((DistArray.FromArray(new[] { int.MinValue }, 1) / -1).Compute(on), Is.EqualTo(new[] { int.MinValue }));
            Assert.That((DistArray.FromArray(new[] { long.MinValue }, 1) / DistArray.FromArray(new[] { -1L }, 1)).Compute(on), Is.EqualTo(new[] { long.MinValue }));
            // np.array([-7, 7]) // np.array([2, -2]) == [-4, -4]
            Assert.That((DistArray.FromArray(new[] { -7L, 7 }, 1) / DistArray.FromArray(new[] { 2L, -2 }, 2)).Compute(on), Is.EqualTo(new[] { -4L, -4 }));
        });
    }

    [Test]
    public void Divide_IntegerByZero_FailsNamingTheOperation([ValueSource(nameof(Schedulers))] IScheduler on)
    {
        var x = DistArray.FromArray(new[] { 5, 6 }, 1) / DistArray.FromArray(new[] { 1, 0 }, 1);
        var ex = Assert.Throws<TaskFailedException>(() => x.Compute(on));
        Assert.That(ex!.Message, Does.Contain("integer division by zero in floor_divide"));
    }

    [Test]
    public void ArgMaxArgMin_SignedZeros_FirstWhateverTheChunking([Values(1, 2)] int chunk)
    {
        Assert.Multiple(() =>
        {
            // np.argmax([-0.0, 0.0]) == 0; np.argmin([0.0, -0.0]) == 0; np.argmax([1.0, -0.0, 0.0, -1]) == 0
            Assert.That(DistArray.FromArray(new[] { -0.0, 0.0 }, chunk).ArgMax().Compute(Cases.Threads), Is.Zero);
            Assert.That(DistArray.FromArray(new[] { 0.0, -0.0 }, chunk).ArgMin().Compute(Cases.Threads), Is.Zero);
            Assert.That(DistArray.FromArray(new[] { -1.0, -0.0, 0.0 }, chunk).ArgMax().Compute(Cases.Sync), Is.EqualTo(1));
            Assert.That(DistArray.FromArray(new double[,] { { -0.0, 0.0 } }, chunk).ArgMax(1).Compute(Cases.Sync), Is.EqualTo(new[] { 0L }));
        });
    }

    [Test]
    public void MinArgMin_AlongEmptyAxis_FailAsNumpy()
    {
        var x = DistArray.Zeros<double>([0, 0], 1);
        // np.zeros((0, 0)).min(0): ValueError: zero-size array to reduction operation minimum which has no identity
        Assert.That(() => x.Min(0), Throws.ArgumentException.With.Message.Contains("zero-size array to reduction operation minimum which has no identity"));
        Assert.That(() => x.Max(0), Throws.ArgumentException.With.Message.Contains("reduction operation maximum which has no identity"));
        // np.zeros((0, 0)).argmin(0): ValueError: attempt to get argmin of an empty sequence
        Assert.That(() => x.ArgMin(0), Throws.ArgumentException.With.Message.Contains("attempt to get argmin of an empty sequence"));
        // np.zeros((3, 0)).min(0) is an empty array; np.zeros((0, 3)).sum(0) is [0, 0, 0]
        Assert.That(DistArray.Zeros<double>([3, 0], 2).Min(0).Compute(Cases.Sync), Is.Empty);
        Assert.That(DistArray.Zeros<double>([0, 3], 2).Sum(0).Compute(Cases.Sync), Is.EqualTo(new[] { 0.0, 0, 0 }));
    }

    [Test]
    public void Arange_Int64Extremes_NoOverflow()
    {
        // np.arange(-5e18, 5e18, 4e18, dtype=np.int64)
        var x = DistArray.Arange(-5_000_000_000_000_000_000L, 5_000_000_000_000_000_000L, 4_000_000_000_000_000_000L, 2);
        Assert.That(x.Compute(Cases.Sync), Is.EqualTo(new[] { -5_000_000_000_000_000_000L, -1_000_000_000_000_000_000L, 3_000_000_000_000_000_000L }));
    }

    [Test]
    public void Index_FromEndZero_NamesTheIndexAndAxis()
    {
        var x = DistArray.Arange(10.0, 3);
        Assert.That(() => x[^0], Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("index ^0 is out of bounds for axis 0 with size 10"));
        Assert.That(x[^1].Compute(Cases.Sync), Is.EqualTo(new[] { 9.0 }));
    }
}
