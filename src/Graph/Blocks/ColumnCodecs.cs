using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using LazyDist.Graph.Blocks.Columns;

namespace LazyDist.Graph.Blocks;

/// <summary>
/// Finds the column codec of a type, once per type: unmanaged values (numbers, enums, structs of
/// those) as raw bytes, strings, lists and arrays, and records, tuples, anonymous types and other
/// classes or structs made by a constructor that takes every member. An interface type is written
/// through the implementation registered for it (a bag's groupings).
/// </summary>
internal static class ColumnCodecs
{
    private static readonly ConcurrentDictionary<Type, Type> Implementations = new();

    [ThreadStatic]
    private static HashSet<Type>? t_building;

    /// <summary>Writes values of the interface <paramref name="interfaceDefinition"/> as the class <paramref name="implementationDefinition"/>
    /// (generic definitions with the same type parameters; the class must be one a composite column can make).</summary>
    public static void RegisterImplementation(Type interfaceDefinition, Type implementationDefinition)
    {
        ArgumentNullException.ThrowIfNull(interfaceDefinition);
        ArgumentNullException.ThrowIfNull(implementationDefinition);
        Implementations[interfaceDefinition] = implementationDefinition;
    }

    /// <summary>The codec of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">The type has no column form; the message says why.</exception>
    public static ColumnCodec<T> For<T>() => Cache<T>.Codec ?? throw new NotSupportedException(Cache<T>.Reason);

    /// <summary>Why <typeparamref name="T"/> has no column form, or null when it has one.</summary>
    public static string? WhyNot<T>() => Cache<T>.Codec is null ? Cache<T>.Reason : null;

    /// <summary>The codec of a member's type (a <c>ColumnCodec&lt;type&gt;</c>), or null with the reason.</summary>
    internal static object? ForType(Type type, out string? reason)
    {
        if (t_building?.Contains(type) == true)
        {
            reason = $"{type} contains itself";
            return null;
        }
        var cache = typeof(Cache<>).MakeGenericType(type);
        var codec = cache.GetField(nameof(Cache<int>.Codec))!.GetValue(null);
        reason = (string?)cache.GetField(nameof(Cache<int>.Reason))!.GetValue(null);
        return codec;
    }

    private static object? CreateGuarded(Type type, bool hasReferences, out string? reason)
    {
        var building = t_building ??= [];
        building.Add(type);
        try
        {
            return Create(type, hasReferences, out reason);
        }
        finally
        {
            building.Remove(type);
        }
    }

    private static object? Create(Type type, bool hasReferences, out string? reason)
    {
        reason = null;
        if (!hasReferences)
            return Make(typeof(UnmanagedColumn<>), [type]);
        if (type == typeof(string))
            return new StringColumn();
        if (type.IsPointer || type.IsByRefLike || typeof(Delegate).IsAssignableFrom(type))
        {
            reason = $"{type} is a pointer, a span or a delegate";
            return null;
        }
        if (ListColumns.ItemType(type) is { } item)
        {
            var itemCodec = ForType(item, out reason);
            return itemCodec is null ? null : Wrap(type, Make(typeof(ListColumn<,>), [type, item], itemCodec));
        }
        if (type.IsInterface && type.IsGenericType && Implementations.TryGetValue(type.GetGenericTypeDefinition(), out var implementation))
        {
            var concrete = implementation.MakeGenericType(type.GetGenericArguments());
            var inner = ForType(concrete, out reason);
            return inner is null ? null : Make(typeof(ImplementationColumn<,>), [type, concrete], inner);
        }
        if (type.IsInterface || type.IsAbstract || type == typeof(object))
        {
            reason = $"{type} is abstract: the elements could be of any type";
            return null;
        }
        var shape = CompositeShape.Of(type, out reason);
        if (shape is null)
            return null;
        var members = new object[shape.Members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            var memberType = CompositeShape.TypeOf(shape.Members[i]);
            var memberCodec = ForType(memberType, out var why);
            if (memberCodec is null)
            {
                reason = $"{type}'s member {shape.Members[i].Name}: {why}";
                return null;
            }
            members[i] = Make(typeof(MemberColumn<,>), [type, memberType], shape.Members[i], memberCodec);
        }
        return Wrap(type, Make(typeof(CompositeColumn<>), [type], shape, members));
    }

    private static object Wrap(Type type, object codec) =>
        type.IsValueType ? codec : Make(typeof(NullableColumn<>), [type], codec);

    private static object Make(Type definition, Type[] typeArguments, params object[] args) =>
        Activator.CreateInstance(definition.MakeGenericType(typeArguments), BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, args, null)!;

    private static class Cache<T>
    {
#pragma warning disable CA1805, S3263 // Set once, by the static constructor below.
        public static readonly ColumnCodec<T>? Codec;
        public static readonly string? Reason;
#pragma warning restore CA1805, S3263

#pragma warning disable CA1810 // Both fields come from one call.
        static Cache()
        {
            try
            {
                Codec = (ColumnCodec<T>?)CreateGuarded(typeof(T), RuntimeHelpers.IsReferenceOrContainsReferences<T>(), out Reason);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or TargetInvocationException)
            {
                Reason = $"{typeof(T)}: {(e is TargetInvocationException { InnerException: { } inner } ? inner.Message : e.Message)}";
            }
            Reason ??= Codec is null ? $"{typeof(T)} has no block form" : null;
        }
#pragma warning restore CA1810
    }
}
