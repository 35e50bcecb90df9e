using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using MessagePack;

namespace LazyDist.Graph;

/// <summary>
/// Types as data: a shared type (framework or LazyDist) by assembly and full name, a user type by
/// its assembly's content hash and metadata token (exact for those bytes), constructed generics
/// and arrays from their parts.
/// </summary>
internal static class TypeCodec
{
    private const byte SharedKind = 0, UserKind = 1, GenericKind = 2, ArrayKind = 3;
    private static readonly ConcurrentDictionary<(string Assembly, string Type), Type> SharedTypes = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Type, SharedName> SharedNames = new();

    private sealed record SharedName(string Assembly, string Type);

    public static void Write(ref MessagePackWriter writer, Type type, CodeWriteContext context)
    {
        if (type.IsArray)
        {
            writer.WriteArrayHeader(3);
            writer.Write(ArrayKind);
            writer.Write(type.IsSZArray ? 0 : type.GetArrayRank());
            Write(ref writer, type.GetElementType()!, context);
            return;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var args = type.GetGenericArguments();
            writer.WriteArrayHeader(3);
            writer.Write(GenericKind);
            Write(ref writer, type.GetGenericTypeDefinition(), context);
            writer.WriteArrayHeader(args.Length);
            foreach (var arg in args)
                Write(ref writer, arg, context);
            return;
        }
        if (type.IsGenericParameter || type.IsByRef || type.IsPointer || type.IsFunctionPointer)
            throw new NotSupportedException($"the type {type} cannot be named in another process");
        if (UserAssemblies.IsShared(type.Assembly))
        {
            var (assembly, name) = SharedNames.GetValue(type, static t => new SharedName(t.Assembly.GetName().Name ?? "", t.FullName ?? t.Name));
            writer.WriteArrayHeader(3);
            writer.Write(SharedKind);
            writer.Write(assembly);
            writer.Write(name);
            return;
        }
        var image = context.Use(type.Assembly);
        writer.WriteArrayHeader(4);
        writer.Write(UserKind);
        writer.Write(image.Name);
        writer.Write(image.Hash);
        writer.Write(type.MetadataToken);
    }

    public static Type Read(ref MessagePackReader reader, CodeReadContext context)
    {
        ReadDepth.Enter(ref reader, "type names are");
        var type = ReadKind(ref reader, context);
        ReadDepth.Leave(ref reader);
        return type;
    }

    private static Type ReadKind(ref MessagePackReader reader, CodeReadContext context)
    {
        int length = reader.ReadArrayHeader();
        byte kind = reader.ReadByte();
        switch (kind)
        {
            case ArrayKind when length == 3:
                int rank = reader.ReadInt32();
                var element = Read(ref reader, context);
                return rank == 0 ? element.MakeArrayType() : element.MakeArrayType(rank);
            case GenericKind when length == 3:
                var definition = Read(ref reader, context);
                var args = new Type[reader.ReadArrayHeader()];
                for (int i = 0; i < args.Length; i++)
                    args[i] = Read(ref reader, context);
                return definition.MakeGenericType(args);
            case SharedKind when length == 3:
                string assembly = reader.ReadString() ?? throw new FormatException("a shared type has no assembly name");
                string name = reader.ReadString() ?? throw new FormatException("a shared type has no name");
                return SharedTypes.GetOrAdd((assembly, name), static key =>
                    AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(key.Assembly)).GetType(key.Type, throwOnError: false)
                    ?? throw new FormatException($"type {key.Type} is not in {key.Assembly} here: the LazyDist or .NET builds differ"));
            case UserKind when length == 4:
                string asmName = reader.ReadString() ?? throw new FormatException("a user type has no assembly name");
                string hash = reader.ReadString() ?? throw new FormatException("a user type has no assembly hash");
                int token = reader.ReadInt32();
                return context.ResolveType(asmName, hash, token);
            default:
                throw new FormatException($"unknown type reference kind {kind} of length {length}");
        }
    }
}
