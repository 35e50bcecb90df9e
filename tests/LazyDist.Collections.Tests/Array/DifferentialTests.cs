using System.Text.Json;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Collections.Tests.Array;

/// <summary>
/// The differential suite: seeded random expressions over random shapes, chunkings and special
/// values (Fixtures/differential.json, made by Fixtures/make_differential.py from numpy 1.24),
/// each compared with numpy's dtype, shape and values (bits where the case is exact, within its
/// tolerance where not), numpy's errors where it refuses, and the same bits on the synchronous and
/// threaded schedulers and on a LocalCluster of worker processes.
/// </summary>
public class DifferentialTests
{
    private static readonly Lazy<JsonDocument> Fixture = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Array", "Fixtures", "differential.json"))));

    private static IEnumerable<TestCaseData> Fixtures() =>
        Fixture.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => new TestCaseData(c.GetProperty("id").GetInt32()).SetName($"Numpy_Case_{c.GetProperty("id").GetInt32():D3}"));

    [TestCaseSource(nameof(Fixtures))]
    public void Numpy_Case(int id)
    {
        var c = Case(id);
        if (c.TryGetProperty("error", out var error))
        {
            var ex = Assert.Catch(() => Computed(c, Cases.Threads), $"numpy refuses: {c.GetProperty("numpy_error").GetString()}");
            Assert.That(ex!.Message, Does.Contain(error.GetString()), $"numpy: {c.GetProperty("numpy_error").GetString()}");
            return;
        }
        var (type, shape, values) = Computed(c, Cases.Threads);
        Assert.Multiple(() =>
        {
            Assert.That(type, Is.EqualTo(c.GetProperty("dtype").GetString()), "dtype");
            Assert.That(shape, Is.EqualTo(c.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray()), "shape");
        });
        var expected = Values(type, Convert.FromBase64String(c.GetProperty("result").GetString()!));
        string root = c.GetProperty("expr").GetProperty("op").GetString()!;
        Compare(expected, values, c.GetProperty("exact").GetBoolean(), c.GetProperty("rtol").GetDouble(), c.GetProperty("atol").GetDouble(), signedZeros: root is not ("min" or "max" or "nanmin" or "nanmax"));
        Assert.That(Bits(Computed(c, Cases.Sync).Values), Is.EqualTo(Bits(values)), "sync and threads give the same bits");
    }

    /// <summary>
    /// Every expression whose result is not bool, its blocks computed in one graph (one run per
    /// scheduler, not one per case) on sync and on a LocalCluster of two worker processes, compared
    /// bit for bit (bool masks inside these graphs travel between the workers).
    /// </summary>
    [Test, CancelAfter(300_000)]
    public async Task LocalCluster_EveryNonBoolCase_SameBitsAsSync() => await SameBitsOnCluster(c => c.GetProperty("dtype").GetString() != "bool", 200);

    /// <summary>Every expression whose result is bool, as above: a bool block is one byte per element on the wire.</summary>
    [Test, CancelAfter(300_000)]
    public async Task LocalCluster_EveryBoolCase_SameBitsAsSync() => await SameBitsOnCluster(c => c.GetProperty("dtype").GetString() == "bool", 50);

    private static async Task SameBitsOnCluster(Func<JsonElement, bool> which, int atLeast)
    {
        var graphs = new List<TaskGraph>();
        var keys = new List<TaskKey>();
        var cases = Fixture.Value.RootElement.GetProperty("cases").EnumerateArray().Where(c => !c.TryGetProperty("error", out _) && which(c)).ToList();
        Assert.That(cases, Has.Count.GreaterThan(atLeast), "cases compared");
        foreach (var c in cases)
        {
            var inputs = c.GetProperty("inputs").EnumerateArray().Select(Expressions.Input).ToList();
            var result = new Expressions(inputs).Eval(c.GetProperty("expr"));
            graphs.Add((TaskGraph)result.GetType().GetMethod("GetGraph")!.Invoke(result, [true])!);
            keys.AddRange(result is IDelayed delayed ? [delayed.Key] : (IReadOnlyList<TaskKey>)result.GetType().GetProperty("ChunkKeys")!.GetValue(result)!);
        }
        var graph = TaskGraph.Merge(graphs);
        TaskKey[] distinct = [.. keys.Distinct()];
        var expected = Cases.Sync.Get(graph, distinct).Select(BlockBits).ToArray();
        await using var cluster = await LocalCluster.StartAsync(workers: 2, threadsPerWorker: 1);
        var actual = (await cluster.ComputeAsync(graph, distinct, TestContext.CurrentContext.CancellationToken)).Select(BlockBits).ToArray();
        for (int i = 0; i < distinct.Length; i++)
            Assert.That(actual[i], Is.EqualTo(expected[i]), $"block {distinct[i]}");
    }

    /// <summary>A block's bytes (or a scalar's, for whole-array reductions), to compare bit for bit.</summary>
    private static string BlockBits(object? value) => value switch
    {
        System.Array a => $"{a.GetType().Name}:{Convert.ToBase64String(Bytes(a))}",
        double d => $"double:{BitConverter.DoubleToInt64Bits(d)}",
        float f => $"float:{BitConverter.SingleToInt32Bits(f)}",
        _ => $"{value?.GetType().Name}:{value}",
    };

    private static byte[] Bytes(System.Array a)
    {
        var bytes = new byte[Buffer.ByteLength(a)];
        Buffer.BlockCopy(a, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static JsonElement Case(int id) => Fixture.Value.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id);

    /// <summary>The expression's result on <paramref name="scheduler"/>: numpy's dtype name, the shape, the values as doubles (NaN kept).</summary>
    private static (string Type, long[] Shape, double[] Values) Computed(JsonElement c, IScheduler scheduler)
    {
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(Expressions.Input).ToList();
        var result = new Expressions(inputs).Eval(c.GetProperty("expr"));
        var type = Expressions.ElementType(result);
        if (result.GetType().GetGenericTypeDefinition() == typeof(Delayed<>))
        {
            var value = Expressions.Unwrap(() => result.GetType().GetMethod("Compute", [typeof(IScheduler), typeof(bool)])!.Invoke(result, [scheduler, true])!);
            return (Name(type), [], [ToDouble(value)]);
        }
        var array = (System.Array)Expressions.Unwrap(() => result.GetType().GetMethod("Compute", [typeof(IScheduler), typeof(bool)])!.Invoke(result, [scheduler, true])!);
        var shape = ((IReadOnlyList<long>)result.GetType().GetProperty("Shape")!.GetValue(result)!).ToArray();
        if (shape.Contains(-1))
            shape = [array.Length]; // a mask selection: 1-D, its length known once computed (dask's NaN chunks)
        return (Name(type), shape, [.. array.Cast<object>().Select(ToDouble)]);
    }

    private static string Name(Type t) => t == typeof(double) ? "float64" : t == typeof(float) ? "float32" : t == typeof(bool) ? "bool" :
        t == typeof(byte) ? "uint8" : t == typeof(short) ? "int16" : t == typeof(int) ? "int32" : t == typeof(uint) ? "uint32" : t == typeof(long) ? "int64" : "uint64";

    private static double ToDouble(object? v) => v switch
    {
        bool b => b ? 1 : 0,
        float f => f,
        ulong u => u,
        _ => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static double[] Values(string dtype, byte[] bytes)
    {
        var type = Expressions.ClrType(dtype);
        var array = System.Array.CreateInstance(type, bytes.Length / (type == typeof(bool) ? 1 : System.Runtime.InteropServices.Marshal.SizeOf(type)));
        Buffer.BlockCopy(bytes, 0, array, 0, bytes.Length);
        return [.. array.Cast<object>().Select(ToDouble)];
    }

    private static void Compare(double[] expected, double[] actual, bool exact, double rtol, double atol, bool signedZeros)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length));
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            bool same = (double.IsNaN(e) && double.IsNaN(a)) || (e == a && (!signedZeros || e != 0 || double.IsNegative(e) == double.IsNegative(a)));
            if (!exact && !same && double.IsFinite(e) && double.IsFinite(a))
                same = Math.Abs(a - e) <= atol + rtol * Math.Abs(e);
            Assert.That(same, Is.True, $"element {i}: numpy {e:R}, LazyDist {a:R} ({(exact ? "exact" : $"rtol {rtol:G3}, atol {atol:G3}")})");
        }
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
