using System.Buffers;
using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Deterministic names for lazy values (dask's <c>tokenize</c>): a SHA-256 over a canonical
/// description of the function and its arguments. Numbers, strings, enums, arrays of numbers,
/// keys and delayed values hash by content, so the same call gives the same key in any process
/// of the same build; a delegate hashes by its method and, for a closure, by its captured values.
/// Any other object hashes by identity (a per-object random token), so two different objects
/// never share a key.
/// </summary>
internal static class Tokenizer
{
    private static readonly ConditionalWeakTable<object, byte[]> Identities = new();

    /// <summary>A 32-hex-digit token of <paramref name="parts"/>.</summary>
    public static string Token(params ReadOnlySpan<object?> parts)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (var part in parts)
            Write(buffer, part, depth: 0);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>A token that no other call returns (for impure calls).</summary>
    public static string Unique() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    private static void Write(ArrayBufferWriter<byte> into, object? value, int depth)
    {
        switch (value)
        {
            case null: Tag(into, 0); break;
            case string s: Tag(into, 1); Text(into, s); break;
            case IDelayed d: Tag(into, 2); Text(into, d.Key.ToString()); break;
            case TaskKey k: Tag(into, 3); Text(into, k.ToString()); break;
            case Delegate f: Tag(into, 4); WriteDelegate(into, f, depth); break;
            case Enum e: Tag(into, 5); Text(into, e.GetType().FullName!); Text(into, e.ToString("D")); break;
            case Array a when a.GetType().GetElementType() is { IsPrimitive: true } element && a.Rank == 1:
                Tag(into, 6);
                Text(into, element.Name);
                Bytes(into, MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(a), Buffer.ByteLength(a)));
                break;
            case object?[] items:
                Tag(into, 7);
                Int(into, items.Length);
                foreach (var item in items)
                    Write(into, item, depth + 1);
                break;
            case IConvertible c when value.GetType().IsPrimitive || value is decimal:
                Tag(into, 8);
                Text(into, value.GetType().Name);
                Text(into, c.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                Tag(into, 9);
                Bytes(into, Identities.GetValue(value, static _ => Guid.NewGuid().ToByteArray()));
                break;
        }
    }

    private static void WriteDelegate(ArrayBufferWriter<byte> into, Delegate f, int depth)
    {
        var method = f.Method;
        Text(into, method.Module.ModuleVersionId.ToString());
        Int(into, method.MetadataToken);
        Text(into, method.DeclaringType?.FullName ?? "");
        Text(into, method.Name);
        if (f.Target is { } target)
            WriteTarget(into, target, depth);
    }

    private static void WriteTarget(ArrayBufferWriter<byte> into, object target, int depth)
    {
        if (!IsCompilerGenerated(target.GetType()) || depth >= 4)
        {
            Write(into, target, depth + 1);
            return;
        }
        // A closure: its identity is its captured values (nested closures included).
        foreach (var field in target.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Text(into, field.Name);
            var captured = field.GetValue(target);
            if (captured is not null && IsCompilerGenerated(captured.GetType()))
                WriteTarget(into, captured, depth + 1);
            else
                Write(into, captured, depth + 1);
        }
    }

    private static bool IsCompilerGenerated(Type type) => type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    private static void Tag(ArrayBufferWriter<byte> into, byte tag) => into.Write([tag]);

    private static void Int(ArrayBufferWriter<byte> into, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(into.GetSpan(4), value);
        into.Advance(4);
    }

    private static void Text(ArrayBufferWriter<byte> into, string text) => Bytes(into, Encoding.UTF8.GetBytes(text));

    private static void Bytes(ArrayBufferWriter<byte> into, ReadOnlySpan<byte> bytes)
    {
        Int(into, bytes.Length);
        into.Write(bytes);
    }
}
