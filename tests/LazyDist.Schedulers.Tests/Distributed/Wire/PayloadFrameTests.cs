using System.Buffers.Binary;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Wire;

/// <summary>Payload frames say their element type: arrays arrive as arrays of it, and a frame that lies about it closes the connection.</summary>
public class PayloadFrameTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly Array[] Arrays =
    [
        new[] { 1.5, -2.25, double.NaN }, new[] { 1f, 2f }, new[] { 3, -4, 5 }, new[] { long.MinValue, 7L }, new byte[] { 1, 2, 3 }, Array.Empty<double>(),
    ];

    [TestCaseSource(nameof(Arrays))]
    public async Task Send_PrimitiveArray_ArrivesAsAnArrayOfItsElementType(Array array)
    {
        await using var pair = await WirePair.OpenAsync();
        pair.Client.Send(new DataMessage([new WireKey("x", -1)], [new ValueHeader(ValueKind.Bytes, false)]), new Payload(array));
        var received = await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound);
        var arrived = received.Payloads[0].Array!;
        Assert.Multiple(() =>
        {
            Assert.That(arrived.GetType(), Is.EqualTo(array.GetType()));
            Assert.That(arrived, Is.EqualTo(array));
        });
    }

    [Test, CancelAfter(30_000)]
    public async Task Send_ChunkOf8MB_ReadThroughPartsIntoOneArray()
    {
        await using var pair = await WirePair.OpenAsync();
        var chunk = Chunks(1_000_003);
        pair.Client.Send(new DataMessage([new WireKey("x", 0)], [new ValueHeader(ValueKind.Doubles, false)]), new Payload(chunk));
        var received = await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound);
        var value = ValueCodec.Decode(ValueKind.Doubles, received.Payloads[0]);
        Assert.That(value, Is.SameAs(received.Payloads[0].Array).And.EqualTo(chunk), "no copy after the read");
    }

    [Test, CancelAfter(30_000)]
    public async Task Receive_UnknownElementType_ProtocolError()
    {
        var ex = await ReceiveRawPayloadAsync((9UL << 56) | 8, new byte[8]);
        Assert.That(ex.Message, Does.Contain("unknown element type 9"));
    }

    [Test, CancelAfter(30_000)]
    public async Task Receive_LengthNotAWholeNumberOfElements_ProtocolError()
    {
        var ex = await ReceiveRawPayloadAsync(((ulong)PayloadElement.Doubles << 56) | 12, new byte[12]);
        Assert.That(ex.Message, Does.Contain("12 bytes is not a whole number of Doubles"));
    }

    [Test, CancelAfter(30_000)]
    public async Task Receive_MoreElementsThanAnArrayHolds_ProtocolErrorBeforeAllocating()
    {
        var ex = await ReceiveRawPayloadAsync(((ulong)PayloadElement.Doubles << 56) | (1UL << 40), []);
        Assert.That(ex.Message, Does.Contain("more than one array can hold"));
    }

    [Test]
    public void SizeOf_ListsNested100000Deep_NoStackOverflow()
    {
        object?[] list = [];
        for (int i = 0; i < 100_000; i++)
            list = [list];
        Assert.That(ValueCodec.SizeOf(list), Is.GreaterThan(0));
    }

    [Test]
    public void ResultLimitCheck_OverTheConfiguredMaximum_NamesKeyAndSizes()
    {
        var ex = Assert.Throws<ResultTooLargeException>(() => ResultLimit.Check(("big", 3), new double[1_000_000], maxBytes: 1_000_000));
        Assert.That(ex!.Message, Is.EqualTo("the result of task ('big', 3) is 8.0 MB (8000000 bytes) of Double[], more than 1.0 MB (1000000 bytes), " +
            "the largest result this worker may send (WorkerOptions.MaxResultBytes, --max-result-bytes)"));
    }

    [Test]
    public void ResultLimitCheck_WithinBounds_ReturnsTheSizeOnTheWire()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResultLimit.Check("a", new int[10], maxBytes: 40), Is.EqualTo(40));
            Assert.That(ResultLimit.Check("b", "text", maxBytes: null), Is.GreaterThan(4));
        });
    }

    [Test]
    public void ResultLimitCheck_ValueThatCannotTravel_NamesItsType()
    {
        var ex = Assert.Throws<NotSupportedException>(() => ResultLimit.Check("u", new Uri("http://example.invalid/"), null));
        Assert.That(ex!.Message, Does.Contain("System.Uri"));
    }

    private static double[] Chunks(int length) => [.. Enumerable.Range(0, length).Select(i => i * 0.25)];

    private static async Task<WireProtocolException> ReceiveRawPayloadAsync(ulong taggedLength, byte[] bytes)
    {
        await using var pair = await WirePair.OpenAsync();
        byte[] header = WireSerializer.Serialize(new DataMessage([new WireKey("x", -1)], [new ValueHeader(ValueKind.Doubles, false)]));
        var frame = new byte[8 + header.Length + 8 + bytes.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)header.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 1);
        header.CopyTo(frame, 8);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8 + header.Length), taggedLength);
        bytes.CopyTo(frame, 16 + header.Length);
        await pair.RawClient.SendAsync(frame);
        return Assert.ThrowsAsync<WireProtocolException>(async () => await pair.Server.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Bound))!;
    }
}
