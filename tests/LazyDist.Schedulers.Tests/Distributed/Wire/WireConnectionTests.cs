using System.Buffers.Binary;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Wire;

public class WireConnectionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Test, CancelAfter(30_000)]
    public async Task Send_HeaderAndRawPayloads_RoundTrip()
    {
        await using var pair = await WirePair.OpenAsync();
        var chunk = Enumerable.Range(0, 1_000_000).Select(i => i * 0.5).ToArray();
        pair.Client.Send(new DataMessage([new WireKey("x", 3)], [new ValueHeader(ValueKind.Doubles, false)]), new Payload(chunk));
        var received = await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound);
        var data = (DataMessage)received.Header;
        Assert.Multiple(() =>
        {
            Assert.That(data.Keys.Single().ToTaskKey(), Is.EqualTo((TaskKey)("x", 3)));
            Assert.That(ValueCodec.Decode(ValueKind.Doubles, received.Payloads[0].ToByteArray()), Is.EqualTo(chunk));
            Assert.That(received.Payloads[0].Length, Is.EqualTo(8_000_000), "the array travels as its bytes");
        });
    }

    [Test, CancelAfter(60_000)]
    public async Task DisposeAsync_PeerNotReading_WaitsForTheQueueOnTheOwnersClock_ThenCloses()
    {
        await using var pair = await WirePair.OpenAsync();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        pair.Client.Time = time;
        pair.Client.Send(new DataMessage([new WireKey("x", 0)], [new ValueHeader(ValueKind.Doubles, false)]), new Payload(new double[16_000_000])); // 128 MB: more than the sockets hold
        var disposing = pair.Client.DisposeAsync().AsTask();
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.That(disposing.IsCompleted, Is.False, "the queue still drains before 2 s of the owner's clock");
        time.Advance(TimeSpan.FromSeconds(0.1));
        await disposing.WaitAsync(Bound);
        Assert.That(pair.Client.Completion.IsCompleted, Is.True);
    }

    [Test, CancelAfter(30_000)]
    public async Task Send_ManySmallMessages_AllArriveInOrder()
    {
        await using var pair = await WirePair.OpenAsync();
        for (int i = 0; i < 1000; i++)
            pair.Client.Send(new CancelTaskMessage(new WireKey("t", i)));
        for (int i = 0; i < 1000; i++)
        {
            var message = (CancelTaskMessage)(await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound)).Header;
            Assert.That(message.Key.Index, Is.EqualTo(i));
        }
    }

    [Test, CancelAfter(30_000)]
    public async Task Send_HeaderOfSeveralMegabytes_ReadInPartsArrivesWhole()
    {
        await using var pair = await WirePair.OpenAsync();
        var keys = Enumerable.Range(0, 300_000).Select(i => new WireKey($"key-{i}", i)).ToArray();
        pair.Client.Send(new ReleaseKeysMessage(keys));
        var message = (ReleaseKeysMessage)(await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound)).Header;
        Assert.Multiple(() =>
        {
            Assert.That(WireSerializer.Serialize(message), Has.Length.GreaterThan(3 << 20));
            Assert.That(message.Keys, Is.EqualTo(keys));
        });
    }

    [Test, CancelAfter(30_000)]
    public async Task Receive_HeaderOverTheLimit_ProtocolError()
    {
        await using var pair = await WirePair.OpenAsync(new FrameLimits(64, 1024, 4));
        pair.Client.Send(new ReleaseKeysMessage([.. Enumerable.Range(0, 100).Select(i => new WireKey("k", i))]));
        var ex = Assert.ThrowsAsync<WireProtocolException>(async () => await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("outside the limit"));
    }

    [Test, CancelAfter(30_000)]
    public async Task Receive_PayloadOverTheLimit_ProtocolError()
    {
        await using var pair = await WirePair.OpenAsync(new FrameLimits(1024, 100, 4));
        pair.Client.Send(new DataMessage([new WireKey("x", -1)], [new ValueHeader(ValueKind.Bytes, false)]), new Payload(new byte[1000]));
        var ex = Assert.ThrowsAsync<WireProtocolException>(async () => await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("exceeds the limit"));
    }

    [Test, CancelAfter(30_000)]
    public async Task Receive_Garbage_ProtocolError()
    {
        await using var pair = await WirePair.OpenAsync();
        var garbage = new byte[64];
        new Random(5).NextBytes(garbage);
        BinaryPrimitives.WriteUInt32LittleEndian(garbage, 20); // a plausible length, then nonsense
        BinaryPrimitives.WriteUInt32LittleEndian(garbage.AsSpan(4), 0);
        await pair.RawClient.SendAsync(garbage);
        Assert.ThrowsAsync<WireProtocolException>(async () => await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound));
    }

    [Test, CancelAfter(30_000)]
    public async Task Receive_UnknownMessageKind_ProtocolError()
    {
        await using var pair = await WirePair.OpenAsync();
        byte[] header = [0x92, 0x7F, 0x90]; // [127, []]: a kind nobody defined
        var frame = new byte[8 + header.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)header.Length);
        header.CopyTo(frame, 8);
        await pair.RawClient.SendAsync(frame);
        var ex = Assert.ThrowsAsync<WireProtocolException>(async () => await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("unknown message kind 127"));
    }

    [Test, CancelAfter(30_000)]
    public async Task Handshake_WrongToken_RefusedWithReason()
    {
        await using var pair = await WirePair.OpenAsync();
        var server = Handshake.AcceptAsync(pair.Server, "secret", CancellationToken.None);
        var ex = Assert.ThrowsAsync<WireProtocolException>(() =>
            Handshake.IntroduceAsync(pair.Client, new HelloMessage(Handshake.ProtocolVersion, "guess", PeerRole.Client, "c", null, 0), CancellationToken.None).WaitAsync(Bound));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Message, Does.Contain("wrong token"));
            Assert.That(await server, Is.Null);
        });
    }

    [Test, CancelAfter(30_000)]
    public async Task Handshake_OtherProtocolVersion_RefusedWithReason()
    {
        await using var pair = await WirePair.OpenAsync();
        _ = Handshake.AcceptAsync(pair.Server, "", CancellationToken.None);
        var ex = Assert.ThrowsAsync<WireProtocolException>(() =>
            Handshake.IntroduceAsync(pair.Client, new HelloMessage(99, "", PeerRole.Client, "c", null, 0), CancellationToken.None).WaitAsync(Bound));
        Assert.That(ex!.Message, Does.Contain("protocol version 99"));
    }
}
