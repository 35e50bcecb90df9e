using System.Buffers.Binary;
using LazyDist.Collections;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Security;

/// <summary>Where malformed frames are sent.</summary>
internal enum FuzzTarget
{
    /// <summary>A center's port: strangers, then clients gone wrong.</summary>
    Center,

    /// <summary>A worker's data port: strangers, then readers gone wrong.</summary>
    DataPort,
}

/// <summary>What one connection of the fuzz sends before it closes its side.</summary>
/// <param name="Kind">The family of mistake, for the report.</param>
/// <param name="Bytes">The bytes.</param>
internal sealed record FuzzCase(string Kind, byte[] Bytes);

/// <summary>
/// A seeded stream of malformed input for one listener: random bytes, lying lengths, deep nesting,
/// bad hellos, and garbage after a good handshake (unreadable headers, lying lengths within the
/// authenticated bounds, messages of the wrong role, graphs with cycles or nesting, unknown keys).
/// The same seed gives the same bytes.
/// </summary>
internal sealed class MalformedFrames(int seed, string token, FuzzTarget target)
{
    private readonly Random _random = new(seed);

    public static readonly string[] Kinds =
        ["random-bytes", "lying-header-length", "lying-payload-count", "truncated-frame", "deep-nesting", "bad-hello", "garbage-after-handshake"];

    public IEnumerable<FuzzCase> Take(int count)
    {
        for (int i = 0; i < count; i++)
        {
            string kind = Kinds[_random.Next(Kinds.Length)];
            yield return new FuzzCase(kind, kind switch
            {
                "random-bytes" => RandomBytes(1, 4096),
                "lying-header-length" => [.. RawPeer.Prefix(Pick(0u, 65_537u, 1u << 24, 1u << 28, 1u << 30, uint.MaxValue), (uint)_random.Next(3)), .. RandomBytes(0, 256)],
                "lying-payload-count" => LyingPayloadCount(),
                "truncated-frame" => Truncated(RawPeer.Frame(GoodHello())),
                "deep-nesting" => RawPeer.Frame(Nested(_random.Next(600, 60_000))),
                "bad-hello" => BadHello(),
                _ => [.. RawPeer.Frame(GoodHello()), .. AfterHandshake()],
            });
        }
    }

    private HelloMessage GoodHello() => target == FuzzTarget.Center
        ? RawPeer.Hello(token, PeerRole.Client, $"fuzz-{_random.Next(1000)}")
        : RawPeer.Hello(token, PeerRole.DataReader, $"fuzz-{_random.Next(1000)}");

    private byte[] BadHello() => _random.Next(9) switch
    {
        0 => RawPeer.Frame(RawPeer.Hello(token + "x")),
        1 => RawPeer.Frame(RawPeer.Hello(token, version: _random.Next(100, 1000))),
        2 => RawPeer.Frame(RawPeer.Hello(token, (PeerRole)_random.Next(4, 100))),
        3 => RawPeer.Frame(RawPeer.Hello(token, target == FuzzTarget.Center ? PeerRole.DataReader : PeerRole.Worker)),
        4 => RawPeer.Frame(RawPeer.Hello(token + "?", name: new string('n', _random.Next(1000, 60_000)))),
        5 => RawPeer.Frame([0xC0]),
        6 => RawPeer.Frame(new GetStatsMessage(false)),
        7 => RawPeer.Frame(RawPeer.Hello(token, PeerRole.Worker, data: "not an address", threads: _random.Next(-5, 3))),
        _ => RawPeer.Frame([0x92, 0x00, 0x96, 0xA1, (byte)'x', 0xA0, 0x02, 0xA0, 0xC0, 0x00]), // fields of the wrong types
    };

    private byte[] AfterHandshake() => _random.Next(target == FuzzTarget.Center ? 12 : 7) switch
    {
        0 => RandomBytes(1, 2048),
        1 => [.. RawPeer.Prefix((uint)_random.Next(1 << 20, 16 << 20), 0), .. RandomBytes(0, 4096)], // within the bounds, then silence
        2 => RawPeer.Frame([0x92, (byte)_random.Next(40, 127), 0x90]), // an unknown message kind
        3 => RawPeer.Frame(Nested(_random.Next(600, 60_000))),
        4 => RawPeer.Frame(new TaskFinishedMessage(Key(), 8, 0, 1, 0, 0, 0)), // a message of another role
        5 => target == FuzzTarget.Center ? RawPeer.Frame(new GetDataMessage([Key()])) : RawPeer.Frame(new GetDataMessage([.. Enumerable.Range(0, _random.Next(1, 20_000)).Select(_ => Key())])),
        6 => target == FuzzTarget.Center ? RawPeer.Frame(Graph(cycle: true)) : RawPeer.Frame(new GetDataMessage([new WireKey("", -7)])),
        7 => RawPeer.Frame(Graph(cycle: false, deep: true)),
        8 => RawPeer.Frame(new ReleaseKeysMessage([Key(), Key()])),
        9 => RawPeer.Frame(new ReportMissingMessage(Key(), $"127.0.0.1:{_random.Next(1, 65536)}")),
        10 => RawPeer.Frame(new CodeMessage(_random.Next(2) == 0 ? "ab" : new string('f', 64), true), RandomBytes(0, 64)),
        _ => RawPeer.Frame(new OfferCodeMessage([new CodeInfo("x", new string('0', _random.Next(0, 80)), _random.Next(-10, 10), true)])),
    };

    private SubmitGraphMessage Graph(bool cycle, bool deep = false)
    {
        var a = Key();
        var b = Key();
        byte[] node = deep ? Nested(_random.Next(1000, 50_000)) : new TaskNode(ArrayOperations.Increment, 1L).Serialize("fuzz");
        return new SubmitGraphMessage([new SubmittedTask(a, cycle ? [b] : [], node, 0), new SubmittedTask(b, [a], node, 1)], [b]);
    }

    private byte[] LyingPayloadCount()
    {
        var frame = RawPeer.Frame(GoodHello());
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Pick(1u, 1000u, uint.MaxValue));
        return [.. frame, .. RandomBytes(0, 64)];
    }

    private byte[] Truncated(byte[] frame) => frame[.._random.Next(1, frame.Length)];

    /// <summary>A header of arrays (or maps) nested <paramref name="depth"/> deep.</summary>
    private byte[] Nested(int depth)
    {
        byte open = _random.Next(2) == 0 ? (byte)0x91 : (byte)0x81;
        var bytes = new byte[depth + 3];
        bytes[0] = 0x92;
        bytes[1] = (byte)_random.Next(27);
        bytes.AsSpan(2, depth).Fill(open);
        bytes[^1] = 0xC0;
        return open == 0x81 ? [.. bytes, .. Enumerable.Repeat((byte)0xC0, depth)] : bytes;
    }

    private WireKey Key() => new($"k{_random.Next(100)}", _random.Next(-1, 5));

    private byte[] RandomBytes(int min, int max)
    {
        var bytes = new byte[_random.Next(min, max + 1)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
