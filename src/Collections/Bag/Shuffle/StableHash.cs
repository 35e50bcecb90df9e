using System.IO.Hashing;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LazyDist.Collections;

/// <summary>
/// A hash of keys that is the same in every process and on every machine (never
/// <c>string.GetHashCode</c>, which .NET randomizes per process): strings and bytes by XxHash3,
/// numbers by a fixed mix of their value (so equal numbers, <c>0.0</c> and <c>-0.0</c> included, hash
/// equally), records, tuples, anonymous types and structs by their fields. Equal keys always hash
/// equally, which is all a shuffle needs to send them to the same partition.
/// </summary>
/// <typeparam name="T">The key type.</typeparam>
internal static class StableHash<T>
{
    private static readonly Func<T, ulong>? Hasher;
    private static readonly string? Reason;

#pragma warning disable CA1810 // Both fields come from one analysis.
    static StableHash()
    {
        try
        {
            Hasher = StableHashes.Create<T>(out Reason);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or TargetInvocationException)
        {
            Reason = e.Message;
        }
    }
#pragma warning restore CA1810

    public static ulong Of(T value) => value is null ? StableHashes.NullHash : Hasher!(value);

    /// <summary>Throws when keys of <typeparamref name="T"/> cannot be hashed the same way everywhere.</summary>
    /// <exception cref="ArgumentException">They cannot; the message says why.</exception>
    public static void EnsureSupported(string parameter)
    {
        if (Hasher is null)
            throw new ArgumentException($"keys of type {typeof(T)} cannot be hashed the same way in every process: {Reason}", parameter);
    }
}

/// <summary>How <see cref="StableHash{T}"/> hashes each kind of type.</summary>
internal static class StableHashes
{
    public const ulong NullHash = 0x9E3779B97F4A7C15;

    private static readonly ConditionalWeakTable<Type, Func<object, ulong>> ByRuntimeType = new();

    /// <summary>A strong 64-bit mix of a number (the finalizer of SplitMix64).</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9;
        x ^= x >> 27;
        x *= 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    public static ulong Combine(ulong seed, ulong value) => Mix(seed * 31 + value);

    public static ulong String(string s) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(s.AsSpan()));

    public static ulong Double(double d) => d == 0 ? 0 : double.IsNaN(d) ? Mix(0x7FF8000000000000) : Mix((ulong)BitConverter.DoubleToInt64Bits(d));

    /// <summary>The hash of a value whose static type says nothing (an object or interface key): by its runtime type.</summary>
    public static ulong Dynamic(object? value) => value is null ? NullHash
        : ByRuntimeType.GetValue(value.GetType(), static t => (Func<object, ulong>)typeof(StableHashes).GetMethod(nameof(Boxed), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(t).Invoke(null, null)!)(value);

    private static Func<object, ulong> Boxed<T>()
    {
        StableHash<T>.EnsureSupported("key");
        return static v => StableHash<T>.Of((T)v);
    }

    public static Func<T, ulong>? Create<T>(out string? reason)
    {
        reason = null;
        var type = typeof(T);
        var core = Nullable.GetUnderlyingType(type) ?? type;
        if (Nullable.GetUnderlyingType(type) is not null)
            return (Func<T, ulong>)Delegate.CreateDelegate(typeof(Func<T, ulong>), typeof(StableHashes).GetMethod(nameof(NullableOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(core));
        if (Known(type) is Delegate known)
            return (Func<T, ulong>)known;
        if (type.IsEnum)
        {
            var key = Parameter<T>();
            return Compile<T>(Expression.Call(typeof(StableHashes), nameof(Mix), null, Expression.Convert(Expression.Convert(key, Enum.GetUnderlyingType(type)), typeof(ulong))), key);
        }
        if (type == typeof(object) || type.IsInterface || type.IsAbstract)
            return v => Dynamic(v);
        if (type.IsPointer || typeof(Delegate).IsAssignableFrom(type))
        {
            reason = "a pointer or a delegate";
            return null;
        }
        if (OwnEquality(type))
        {
            reason = $"{type} defines its own Equals; use a key of numbers, strings, enums, tuples, records or anonymous types";
            return null;
        }
        var value = Parameter<T>();
        Expression hash = Expression.Constant((ulong)type.FullName!.Length);
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).OrderBy(f => f.MetadataToken))
            {
                if (field.FieldType == typeof(Type) && field.Name.Contains("EqualityContract", StringComparison.Ordinal))
                    continue;
                var of = typeof(StableHash<>).MakeGenericType(field.FieldType);
                of.GetMethod(nameof(StableHash<int>.EnsureSupported))!.Invoke(null, ["key"]);
                hash = Expression.Call(typeof(StableHashes), nameof(Combine), null, hash, Expression.Call(of.GetMethod(nameof(StableHash<int>.Of))!, Expression.Field(value, field)));
            }
        }
        return Compile<T>(hash, value);
    }

    private static ulong NullableOf<T>(T? value) where T : struct => value is { } v ? StableHash<T>.Of(v) : NullHash;

    private static Delegate? Known(Type type) => type switch
    {
        _ when type == typeof(string) => (Func<string, ulong>)String,
        _ when type == typeof(int) => (Func<int, ulong>)(v => Mix((ulong)v)),
        _ when type == typeof(long) => (Func<long, ulong>)(v => Mix((ulong)v)),
        _ when type == typeof(uint) => (Func<uint, ulong>)(v => Mix(v)),
        _ when type == typeof(ulong) => (Func<ulong, ulong>)Mix,
        _ when type == typeof(short) => (Func<short, ulong>)(v => Mix((ulong)v)),
        _ when type == typeof(ushort) => (Func<ushort, ulong>)(v => Mix(v)),
        _ when type == typeof(byte) => (Func<byte, ulong>)(v => Mix(v)),
        _ when type == typeof(sbyte) => (Func<sbyte, ulong>)(v => Mix((ulong)v)),
        _ when type == typeof(char) => (Func<char, ulong>)(v => Mix(v)),
        _ when type == typeof(bool) => (Func<bool, ulong>)(v => Mix(v ? 1UL : 0UL)),
        _ when type == typeof(double) => (Func<double, ulong>)Double,
        _ when type == typeof(float) => (Func<float, ulong>)(v => Double(v)),
        _ when type == typeof(decimal) => (Func<decimal, ulong>)(v => Double((double)v)),
        _ when type == typeof(DateTime) => (Func<DateTime, ulong>)(v => Mix((ulong)v.Ticks)),
        _ when type == typeof(DateTimeOffset) => (Func<DateTimeOffset, ulong>)(v => Mix((ulong)v.UtcTicks)),
        _ when type == typeof(TimeSpan) => (Func<TimeSpan, ulong>)(v => Mix((ulong)v.Ticks)),
        _ when type == typeof(DateOnly) => (Func<DateOnly, ulong>)(v => Mix((ulong)v.DayNumber)),
        _ when type == typeof(TimeOnly) => (Func<TimeOnly, ulong>)(v => Mix((ulong)v.Ticks)),
        _ when type == typeof(Guid) => (Func<Guid, ulong>)(v => XxHash3.HashToUInt64(v.ToByteArray())),
        _ => null,
    };

    /// <summary>A type whose Equals is not the compiler's (records, anonymous types) nor field by field (structs, tuples).</summary>
    private static bool OwnEquality(Type type)
    {
        var equals = type.GetMethod(nameof(Equals), BindingFlags.Public | BindingFlags.Instance, [typeof(object)]);
        if (equals is null || equals.DeclaringType == typeof(object) || equals.DeclaringType == typeof(ValueType) || equals.IsDefined(typeof(CompilerGeneratedAttribute)))
            return false;
        if (type.IsGenericType && type.Namespace == "System" && (type.Name.StartsWith("ValueTuple`", StringComparison.Ordinal) || type.Name.StartsWith("Tuple`", StringComparison.Ordinal)))
            return false;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            return false;
        return !equals.DeclaringType!.IsDefined(typeof(CompilerGeneratedAttribute)) && !IsRecordEquals(equals);
    }

    // A record's Equals(object) is compiler-made but carries no attribute: it calls Equals(T?).
    private static bool IsRecordEquals(MethodInfo equals) =>
        equals.DeclaringType!.GetMethod("<Clone>$") is not null || equals.DeclaringType.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null
        || (equals.DeclaringType.IsValueType && equals.DeclaringType.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static ParameterExpression Parameter<T>() => Expression.Parameter(typeof(T), "key");

    private static Func<T, ulong> Compile<T>(Expression body, ParameterExpression parameter) =>
        Expression.Lambda<Func<T, ulong>>(body, parameter).Compile();
}
