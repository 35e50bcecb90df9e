using System.Reflection;
using MessagePack;

namespace LazyDist.Graph;

/// <summary>
/// Methods as data: <c>[declaring type, name, signature, metadata token, generic arguments]</c>.
/// The signature (the closed method's text) is checked on reading, so a different build of a
/// shared library fails by name instead of calling the wrong method.
/// </summary>
internal static class MethodCodec
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MethodInfo, string> Signatures = new();
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static void Write(ref MessagePackWriter writer, MethodInfo method, CodeWriteContext context)
    {
        var arguments = method.IsGenericMethod ? method.GetGenericArguments() : [];
        writer.WriteArrayHeader(5);
        TypeCodec.Write(ref writer, method.DeclaringType!, context);
        writer.Write(method.Name);
        writer.Write(Signatures.GetValue(method, static m => m.ToString() ?? m.Name));
        writer.Write(method.MetadataToken);
        writer.WriteArrayHeader(arguments.Length);
        foreach (var argument in arguments)
            TypeCodec.Write(ref writer, argument, context);
    }

    public static MethodInfo Read(ref MessagePackReader reader, CodeReadContext context)
    {
        if (reader.ReadArrayHeader() != 5)
            throw new FormatException("a method must be [type, name, signature, token, generic arguments]");
        var type = TypeCodec.Read(ref reader, context);
        string name = reader.ReadString() ?? throw new FormatException("a method has no name");
        string signature = reader.ReadString() ?? "";
        int token = reader.ReadInt32();
        var arguments = new Type[reader.ReadArrayHeader()];
        for (int i = 0; i < arguments.Length; i++)
            arguments[i] = TypeCodec.Read(ref reader, context);
        return context.Method(type, signature, token, arguments, key => Find(key.Type, name, key.Signature, key.Token, arguments));
    }

    private static MethodInfo Find(Type type, string name, string signature, int token, Type[] arguments)
    {
        foreach (var candidate in type.GetMethods(All))
        {
            if (candidate.Name != name || candidate.GetGenericArguments().Length != arguments.Length)
                continue;
            MethodInfo method;
            try
            {
                method = arguments.Length > 0 ? candidate.MakeGenericMethod(arguments) : candidate;
            }
            catch (ArgumentException)
            {
                continue; // a constraint does not hold: not this overload
            }
            if (method.ToString() == signature && (candidate.MetadataToken == token || UserAssemblies.IsShared(type.Assembly)))
                return method;
        }
        throw new MissingMethodException($"{type.FullName} has no method {signature} here: the builds differ");
    }
}
