using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Serialization;

namespace LazyDist.Graph;

/// <summary>
/// Which captured values may travel to another process, and why not when they may not. Values
/// travel by content: numbers, strings, enums, arrays, lists, dictionaries, structs, records,
/// closures and delegates of those. Anything that belongs to this process (a stream, a socket, a
/// thread, a handle, a scheduler) or an ordinary class, whose invariants a field-by-field copy
/// could break, is refused.
/// </summary>
internal static class CaptureRules
{
    private static readonly Type[] ProcessBound =
    [
        typeof(Stream), typeof(TextReader), typeof(TextWriter), typeof(Thread), typeof(Task), typeof(WaitHandle),
        typeof(System.Runtime.InteropServices.SafeHandle), typeof(CancellationTokenSource), typeof(MarshalByRefObject),
        typeof(MemberInfo), typeof(Assembly), typeof(System.Runtime.Loader.AssemblyLoadContext),
    ];

    // Per type, weakly: types of a session's collectible load context must not be kept alive here.
    private static readonly ConditionalWeakTable<Type, Rules> Known = new();

    /// <summary>Why a value of <paramref name="type"/> cannot be copied field by field, or null when it can.</summary>
    public static string? WhyNot(Type type) => Known.GetValue(type, static t => new Rules(FindWhyNot(t), FindFields(t))).WhyNot;

    /// <summary>The instance fields of <paramref name="type"/> and its bases, in a fixed order.</summary>
    public static FieldInfo[] Fields(Type type) => Known.GetValue(type, static t => new Rules(FindWhyNot(t), FindFields(t))).Fields;

    private static string? FindWhyNot(Type type)
    {
        if (type.IsPointer || type == typeof(IntPtr) || type == typeof(UIntPtr) || type.IsByRefLike)
            return "a pointer or handle, which means nothing in another process";
        foreach (var bound in ProcessBound)
        {
            if (bound.IsAssignableFrom(type))
                return $"a {bound.Name}, which belongs to this process";
        }
        if (type.Namespace is { } ns && ns.StartsWith("System.Net", StringComparison.Ordinal))
            return "a network object, which belongs to this process";
        if (type.IsValueType)
            return null; // a struct is its fields
        if (UserAssemblies.IsShared(type.Assembly))
        {
            if (type.Assembly.GetName().Name?.StartsWith("LazyDist", StringComparison.Ordinal) == true)
                return type.IsDefined(typeof(CompilerGeneratedAttribute), false) ? null : "a LazyDist object that belongs to this process (pass its value, not the object)";
            return IsKnownFrameworkClass(type) ? null : "a framework class LazyDist does not know how to copy";
        }
        if (type.BaseType is { } baseType && baseType != typeof(object) && UserAssemblies.IsShared(baseType.Assembly))
            return $"a class derived from {baseType.Name}";
        if (type.IsDefined(typeof(CompilerGeneratedAttribute), false) || IsRecord(type) ||
            type.IsDefined(typeof(SerializableAttribute), false) || type.IsDefined(typeof(DataContractAttribute), false))
            return null;
        return "a class that is not a record, a struct or marked [Serializable]; make it a record, or capture only the values the function needs";
    }

    /// <summary>A record class: the compiler gives it a <c>&lt;Clone&gt;$</c> method.</summary>
    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static bool IsKnownFrameworkClass(Type type)
    {
        if (!type.IsGenericType)
            return false;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition.FullName?.StartsWith("System.Tuple`", StringComparison.Ordinal) == true;
    }

    private static FieldInfo[] FindFields(Type type)
    {
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).OrderBy(f => f.MetadataToken));
        return [.. fields];
    }

    private sealed record Rules(string? WhyNot, FieldInfo[] Fields);
}
