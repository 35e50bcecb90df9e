using BenchmarkDotNet.Attributes;
using LazyDist.Collections;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.Suites;

/// <summary>
/// What the code codec costs per task node, against a built-in node: making a node and
/// serializing it (<see cref="TaskNode.Serialize"/>, what a client does for every task it sends),
/// and reading it back (<see cref="TaskNode.Deserialize"/>, what a worker does for every task it
/// runs), in this process. The user node calls a lambda that captures an int, a double and a
/// string. Nodes per invocation: <see cref="Nodes"/> (OperationsPerInvoke), so times are per node.
/// <list type="bullet">
/// <item>BuiltIn: <c>scalar.add(i, 1)</c>, travelling by name.</item>
/// <item>UserNewOp: <c>TaskNode.Call(f_i, i)</c> with one closure per node, each node a new operation whose
/// code is written afresh (as <c>Submit</c> and <c>TaskNode.Call</c> do for every task); NoCapture: the same
/// with <c>static (int v) =&gt; v + 1</c>, which captures nothing.</item>
/// <item>UserSharedOp: one operation for all nodes, its code written once (as <c>Map</c> and the pool do).</item>
/// <item>Reading: identical code bytes in every node (the read is cached per distinct bytes, as a worker's
/// is per session), or distinct captures in every node (each read in full; the cache holds 1024).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class TaskCodecBenchmarks
{
    /// <summary>Nodes per invocation: more than the reader's cache of 1024 operations.</summary>
    public const int Nodes = 4096;

    private readonly TaskKey[] _keys = new TaskKey[Nodes];
    private readonly Func<int, double>[] _closures = new Func<int, double>[Nodes];
    private OpRef _sharedOp = null!;
    private byte[][] _builtInBytes = null!;
    private byte[][] _userSharedBytes = null!;
    private byte[][] _userDistinctBytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = Capturing(7, 2.5, "label");
        _sharedOp = OpRef.FromDelegate(shared, Invokers.Create(shared));
        for (int i = 0; i < Nodes; i++)
        {
            _keys[i] = new TaskKey("x", i);
            _closures[i] = Capturing(i, 2.5, "label");
        }
        _builtInBytes = [.. Enumerable.Range(0, Nodes).Select(i => new TaskNode(ArrayOperations.Add, (long)i, 1L).Serialize(_keys[i]))];
        _userSharedBytes = [.. Enumerable.Range(0, Nodes).Select(i => new TaskNode(_sharedOp, i).Serialize(_keys[i]))];
        _userDistinctBytes = [.. Enumerable.Range(0, Nodes).Select(i => TaskNode.Call(_closures[i], i).Serialize(_keys[i]))];
        // Read every kind once, so the resolver knows this assembly and the first invocation is like the others.
        _ = TaskNode.Deserialize(_keys[0], _userDistinctBytes[0]).Op.Invoke([1]);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Nodes)]
    public long SerializeBuiltIn()
    {
        long bytes = 0;
        for (int i = 0; i < Nodes; i++)
            bytes += new TaskNode(ArrayOperations.Add, (long)i, 1L).Serialize(_keys[i]).Length;
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Nodes)]
    public long SerializeUserNewOp()
    {
        long bytes = 0;
        for (int i = 0; i < Nodes; i++)
            bytes += TaskNode.Call(_closures[i], i).Serialize(_keys[i]).Length;
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Nodes)]
    public long SerializeUserNewOpNoCapture()
    {
        long bytes = 0;
        for (int i = 0; i < Nodes; i++)
            bytes += TaskNode.Call(static (int v) => v + 1, i).Serialize(_keys[i]).Length;
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Nodes)]
    public long SerializeUserSharedOp()
    {
        long bytes = 0;
        for (int i = 0; i < Nodes; i++)
            bytes += new TaskNode(_sharedOp, i).Serialize(_keys[i]).Length;
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Nodes)]
    public int DeserializeBuiltIn() => Read(_builtInBytes);

    [Benchmark(OperationsPerInvoke = Nodes)]
    public int DeserializeUserSameCode() => Read(_userSharedBytes);

    [Benchmark(OperationsPerInvoke = Nodes)]
    public int DeserializeUserDistinctCaptures() => Read(_userDistinctBytes);

    private int Read(byte[][] nodes)
    {
        int args = 0;
        for (int i = 0; i < Nodes; i++)
            args += TaskNode.Deserialize(_keys[i], nodes[i]).Args.Count;
        return args;
    }

    private static Func<int, double> Capturing(int offset, double scale, string label) => v => (v + offset) * scale + label.Length;
}
