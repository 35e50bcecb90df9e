using LazyDist.Distributed.Wire;

namespace LazyDist.Schedulers.Tests.Distributed.Wire;

public class ValueCodecTests
{
    private static readonly object?[] Values =
    [
        null, 3.5, 7L, 42, "text", true, new[] { 1.5, 2.5 }, new[] { 1f }, new[] { 1, 2 }, new[] { 5L }, new byte[] { 1, 2, 3 },
        new[] { true, false, true }, new short[] { -1, 2 }, new[] { uint.MaxValue }, new[] { ulong.MaxValue, 1UL },
        new object?[] { 1.0, "two", new[] { 3.0 } },
    ];

    private static readonly object?[] Scalars =
    [
        null, true, false, 0, 127, 128, -32, -33, -128, -129, 255, 256, 65535, 65536, -32768, -32769, int.MaxValue, int.MinValue,
        0L, 127L, -32L, uint.MaxValue, (long)uint.MaxValue + 1, long.MaxValue, long.MinValue, (long)int.MinValue - 1,
        0UL, 255UL, (ulong)long.MaxValue, (ulong)long.MaxValue + 1, ulong.MaxValue, 0.0, double.NaN, 1.5f, float.MinValue,
    ];

    /// <summary>A scalar result is measured without encoding it; the measure must be the encoding's length.</summary>
    [TestCaseSource(nameof(Scalars))]
    public void EncodedSize_Scalar_IsTheLengthOfItsEncoding(object? value) =>
        Assert.That(ValueCodec.EncodedSize(value), Is.EqualTo(ValueCodec.Encode(value).Payload.Length));

    [TestCaseSource(nameof(Values))]
    public void EncodeDecode_RoundTrip(object? value)
    {
        var (kind, payload) = ValueCodec.Encode(value);
        Assert.That(ValueCodec.Decode(kind, payload.ToByteArray()), Is.EqualTo(value));
    }

    /// <summary>As a data port sends it: the payload's raw bytes, read back into an array of its wire element type.</summary>
    [TestCaseSource(nameof(Values))]
    public void EncodeDecode_ThroughTheWiresElementType_RoundTrip(object? value)
    {
        var (kind, payload) = ValueCodec.Encode(value);
        var bytes = payload.ToByteArray();
        Array received = payload.Element switch
        {
            PayloadElement.Doubles => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
            PayloadElement.Floats => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            PayloadElement.Ints => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
            PayloadElement.Longs => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
            _ => bytes.ToArray(),
        };
        Assert.That(ValueCodec.Decode(kind, new Payload(received)), Is.EqualTo(value).And.TypeOf(value?.GetType() ?? typeof(object)).Or.Null);
    }

    [Test]
    public void Encode_NumericArray_IsItsRawBytes()
    {
        var (kind, payload) = ValueCodec.Encode(new double[1000]);
        Assert.Multiple(() =>
        {
            Assert.That(kind, Is.EqualTo(ValueKind.Doubles));
            Assert.That(payload.Length, Is.EqualTo(8000));
        });
    }

    [Test]
    public void EnsureEncodable_UnsupportedType_NamesIt()
    {
        var ex = Assert.Throws<NotSupportedException>(() => ValueCodec.EnsureEncodable(new Uri("http://example.invalid/")));
        Assert.That(ex!.Message, Does.Contain("System.Uri").And.Contain("cannot be sent between processes"));
    }

    [Test]
    public void Decode_TruncatedArray_ProtocolError()
    {
        Assert.Throws<WireProtocolException>(() => ValueCodec.Decode(ValueKind.Doubles, new byte[12]));
    }
}
