using System.Buffers;
using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MessagePack;

namespace LazyDist.Graph;

/// <summary>
/// Captured values as MessagePack, each written <c>[tag, ...]</c> with its runtime type, so a
/// closure, a record or a delegate comes back as the same kind of object in another process.
/// Objects are read by reflection (no code generation), which works for types in collectible load
/// contexts. A value that cannot travel is refused while writing, by the path of fields that
/// leads to it and its type (see <see cref="CaptureRules"/>).
/// </summary>
internal static class CaptureCodec
{
    private const int MaxDepth = 48;

    private enum Tag : byte
    {
        Null, Bool, Char, SByte, Byte, Int16, UInt16, Int32, UInt32, Int64, UInt64, Single, Double, Decimal, String,
        Enum, PrimitiveArray, Array, Object, Delegate, List, Dictionary, Reference, Lazy,
    }

    /// <summary>What a captured lazy value reads as, until the object that holds it records a binding.</summary>
    private sealed record LazyMarker(TaskKey Key, ILazyValue Prototype);

    public static void Write(ref MessagePackWriter writer, object? value, CodeWriteContext context, string path, int depth = 0, bool closureField = false)
    {
        if (depth > MaxDepth)
            throw Refuse(path, value!.GetType(), $"values nested more than {MaxDepth} deep (a cycle?)");
        switch (value)
        {
            case null: writer.WriteArrayHeader(1); writer.Write((byte)Tag.Null); return;
            case bool v: Scalar(ref writer, Tag.Bool); writer.Write(v); return;
            case char v: Scalar(ref writer, Tag.Char); writer.Write(v); return;
            case sbyte v: Scalar(ref writer, Tag.SByte); writer.Write(v); return;
            case byte v: Scalar(ref writer, Tag.Byte); writer.Write(v); return;
            case short v: Scalar(ref writer, Tag.Int16); writer.Write(v); return;
            case ushort v: Scalar(ref writer, Tag.UInt16); writer.Write(v); return;
            case int v: Scalar(ref writer, Tag.Int32); writer.Write(v); return;
            case uint v: Scalar(ref writer, Tag.UInt32); writer.Write(v); return;
            case long v: Scalar(ref writer, Tag.Int64); writer.Write(v); return;
            case ulong v: Scalar(ref writer, Tag.UInt64); writer.Write(v); return;
            case float v: Scalar(ref writer, Tag.Single); writer.Write(v); return;
            case double v: Scalar(ref writer, Tag.Double); writer.Write(v); return;
            case decimal v: Scalar(ref writer, Tag.Decimal); writer.Write(v.ToString(System.Globalization.CultureInfo.InvariantCulture)); return;
            case string v: Scalar(ref writer, Tag.String); writer.Write(v); return;
            case Enum v:
                writer.WriteArrayHeader(3);
                writer.Write((byte)Tag.Enum);
                TypeCodec.Write(ref writer, v.GetType(), context);
                writer.Write(Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));
                return;
        }
        var type = value.GetType();
        if (value is ILazyValue lazy)
        {
            if (!closureField)
                throw Refuse(path, type, "a lazy value held inside another object; capture it directly in the function's closure");
            // It travels as its key; the task depends on it and fills the field with its value (see LazyBinding).
            writer.WriteArrayHeader(4);
            writer.Write((byte)Tag.Lazy);
            TypeCodec.Write(ref writer, type, context);
            writer.Write(lazy.Key.Name);
            writer.Write(lazy.Key.Index ?? -1);
            return;
        }
        if (!type.IsValueType && context.TryGetWritten(value, out int id))
        {
            writer.WriteArrayHeader(2);
            writer.Write((byte)Tag.Reference);
            writer.Write(id);
            return;
        }
        if (value is Delegate d)
        {
            WriteDelegate(ref writer, d, context, path, depth);
            context.Written(d); // numbered after its target, so the reader can create it once the target exists
            return;
        }
        if (!type.IsValueType)
            context.Written(value);
        if (value is Array a)
        {
            WriteArray(ref writer, a, context, path, depth);
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)value;
            writer.WriteArrayHeader(3);
            writer.Write((byte)Tag.List);
            TypeCodec.Write(ref writer, type, context);
            writer.WriteArrayHeader(list.Count);
            for (int i = 0; i < list.Count; i++)
                Write(ref writer, list[i], context, $"{path}[{i}]", depth + 1);
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var dictionary = (IDictionary)value;
            writer.WriteArrayHeader(3);
            writer.Write((byte)Tag.Dictionary);
            TypeCodec.Write(ref writer, type, context);
            writer.WriteArrayHeader(dictionary.Count * 2);
            foreach (DictionaryEntry entry in dictionary)
            {
                Write(ref writer, entry.Key, context, $"{path}[key]", depth + 1);
                Write(ref writer, entry.Value, context, $"{path}[{entry.Key}]", depth + 1);
            }
            return;
        }
        if (CaptureRules.WhyNot(type) is { } reason)
            throw Refuse(path, type, reason);
        var fields = CaptureRules.Fields(type);
        bool closure = type.IsDefined(typeof(CompilerGeneratedAttribute), false);
        writer.WriteArrayHeader(3);
        writer.Write((byte)Tag.Object);
        TypeCodec.Write(ref writer, type, context);
        writer.WriteArrayHeader(fields.Length * 2);
        foreach (var field in fields)
        {
            writer.Write(field.Name);
            Write(ref writer, field.GetValue(value), context, CodeNames.Step(path, field.Name), depth + 1, closure);
        }
    }

    /// <summary>Reads one value.</summary>
    /// <param name="reader">Positioned at the value; left after it.</param>
    /// <param name="context">Resolves types.</param>
    /// <param name="bindings">Receives the fields that hold captured lazy values.</param>
    public static object? Read(ref MessagePackReader reader, CodeReadContext context, List<LazyBinding> bindings) =>
        Read(ref reader, context, [], bindings);

    /// <summary>Reads one value; <paramref name="objects"/> are the objects read so far, by number.</summary>
    private static object? Read(ref MessagePackReader reader, CodeReadContext context, List<object> objects, List<LazyBinding> bindings)
    {
        ReadDepth.Enter(ref reader, "captured values are");
        var value = ReadTagged(ref reader, context, objects, bindings);
        ReadDepth.Leave(ref reader);
        return value;
    }

    private static object? ReadTagged(ref MessagePackReader reader, CodeReadContext context, List<object> objects, List<LazyBinding> bindings)
    {
        int length = reader.ReadArrayHeader();
        var tag = (Tag)reader.ReadByte();
        switch (tag)
        {
            case Tag.Null: return null;
            case Tag.Bool: return reader.ReadBoolean();
            case Tag.Char: return reader.ReadChar();
            case Tag.SByte: return reader.ReadSByte();
            case Tag.Byte: return reader.ReadByte();
            case Tag.Int16: return reader.ReadInt16();
            case Tag.UInt16: return reader.ReadUInt16();
            case Tag.Int32: return reader.ReadInt32();
            case Tag.UInt32: return reader.ReadUInt32();
            case Tag.Int64: return reader.ReadInt64();
            case Tag.UInt64: return reader.ReadUInt64();
            case Tag.Single: return reader.ReadSingle();
            case Tag.Double: return reader.ReadDouble();
            case Tag.Decimal: return decimal.Parse(reader.ReadString()!, System.Globalization.CultureInfo.InvariantCulture);
            case Tag.String: return reader.ReadString();
            case Tag.Enum: return Enum.ToObject(TypeCodec.Read(ref reader, context), reader.ReadInt64());
            case Tag.Lazy:
                var lazyType = TypeCodec.Read(ref reader, context);
                string keyName = reader.ReadString() ?? throw new FormatException("a captured lazy value has no key");
                int keyIndex = reader.ReadInt32();
                if (RuntimeHelpers.GetUninitializedObject(lazyType) is not ILazyValue prototype)
                    throw new FormatException($"{lazyType} is not a lazy value");
                return new LazyMarker(keyIndex < 0 ? new TaskKey(keyName) : new TaskKey(keyName, keyIndex), prototype);
            case Tag.Reference:
                int id = reader.ReadInt32();
                return id >= 0 && id < objects.Count ? objects[id] : throw new FormatException($"a reference to object {id} of {objects.Count}");
            case Tag.Delegate:
                var d = ReadDelegate(ref reader, context, objects, bindings);
                objects.Add(d);
                return d;
            case Tag.PrimitiveArray:
            {
                var element = TypeCodec.Read(ref reader, context);
                var bytes = reader.ReadBytes() ?? throw new FormatException("an array of numbers has no bytes");
                var array = Array.CreateInstance(element, checked((int)(bytes.Length / PrimitiveSize.Of(element))));
                objects.Add(array);
                bytes.CopyTo(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(array), Buffer.ByteLength(array)));
                return array;
            }
            case Tag.Array:
            {
                var element = TypeCodec.Read(ref reader, context);
                var array = Array.CreateInstance(element, reader.ReadArrayHeader());
                objects.Add(array);
                for (int i = 0; i < array.Length; i++)
                    array.SetValue(Read(ref reader, context, objects, bindings), i);
                return array;
            }
            case Tag.List:
            {
                var list = (IList)Activator.CreateInstance(TypeCodec.Read(ref reader, context))!;
                objects.Add(list);
                int count = reader.ReadArrayHeader();
                for (int i = 0; i < count; i++)
                    list.Add(Read(ref reader, context, objects, bindings));
                return list;
            }
            case Tag.Dictionary:
            {
                var dictionary = (IDictionary)Activator.CreateInstance(TypeCodec.Read(ref reader, context))!;
                objects.Add(dictionary);
                int count = reader.ReadArrayHeader() / 2;
                for (int i = 0; i < count; i++)
                    dictionary.Add(Read(ref reader, context, objects, bindings)!, Read(ref reader, context, objects, bindings));
                return dictionary;
            }
            case Tag.Object:
            {
                var type = TypeCodec.Read(ref reader, context);
                var fields = CaptureRules.Fields(type);
                if (reader.ReadArrayHeader() != fields.Length * 2)
                    throw new FormatException($"{type} here has {fields.Length} fields, unlike the one that was written");
                var value = RuntimeHelpers.GetUninitializedObject(type);
                if (!type.IsValueType)
                    objects.Add(value);
                foreach (var field in fields)
                {
                    string? name = reader.ReadString();
                    if (name != field.Name)
                        throw new FormatException($"{type} here has field {field.Name} where {name} was written");
                    var fieldValue = Read(ref reader, context, objects, bindings);
                    if (fieldValue is LazyMarker marker)
                        bindings.Add(new LazyBinding(value, field, marker.Key, marker.Prototype));
                    else
                        field.SetValue(value, fieldValue);
                }
                return value;
            }
            default:
                throw new FormatException($"unknown captured value tag {(byte)tag} of length {length}");
        }
    }

    private static void Scalar(ref MessagePackWriter writer, Tag tag)
    {
        writer.WriteArrayHeader(2);
        writer.Write((byte)tag);
    }

    private static void WriteArray(ref MessagePackWriter writer, Array array, CodeWriteContext context, string path, int depth)
    {
        var element = array.GetType().GetElementType()!;
        if (array.Rank != 1 || !array.GetType().IsSZArray)
            throw Refuse(path, array.GetType(), "a multi-dimensional array; use a jagged array or a flat one with its shape");
        writer.WriteArrayHeader(3);
        if (element.IsPrimitive && element != typeof(IntPtr) && element != typeof(UIntPtr))
        {
            writer.Write((byte)Tag.PrimitiveArray);
            TypeCodec.Write(ref writer, element, context);
            writer.Write(MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(array), Buffer.ByteLength(array)));
            return;
        }
        writer.Write((byte)Tag.Array);
        TypeCodec.Write(ref writer, element, context);
        writer.WriteArrayHeader(array.Length);
        for (int i = 0; i < array.Length; i++)
            Write(ref writer, array.GetValue(i), context, $"{path}[{i}]", depth + 1);
    }

    private static void WriteDelegate(ref MessagePackWriter writer, Delegate d, CodeWriteContext context, string path, int depth)
    {
        var type = d.GetType();
        if (d.HasSingleTarget is false)
            throw Refuse(path, type, "a delegate that calls several methods");
        var method = d.Method;
        if (method.DeclaringType is null)
            throw Refuse(path, type, $"a delegate to the generated method {method.Name} (a compiled expression?), which has no assembly to ship");
        if (method.IsStatic && d.Target is not null)
            throw Refuse(path, type, "a delegate bound to its first argument");
        writer.WriteArrayHeader(4);
        writer.Write((byte)Tag.Delegate);
        TypeCodec.Write(ref writer, type, context);
        MethodCodec.Write(ref writer, method, context);
        Write(ref writer, d.Target, context, path, depth + 1);
    }

    private static Delegate ReadDelegate(ref MessagePackReader reader, CodeReadContext context, List<object> objects, List<LazyBinding> bindings)
    {
        var type = TypeCodec.Read(ref reader, context);
        var method = MethodCodec.Read(ref reader, context);
        var target = Read(ref reader, context, objects, bindings);
        return target is null ? Delegate.CreateDelegate(type, method) : Delegate.CreateDelegate(type, target, method);
    }

    private static NotSupportedException Refuse(string path, Type type, string reason) =>
        new(path.Length == 0
            ? $"it is {Article(type)}, {reason}"
            : $"its captured '{path}' is {Article(type)}, {reason}");

    private static string Article(Type type) => $"{CodeNames.Type(type)} ({type.Namespace})";
}
