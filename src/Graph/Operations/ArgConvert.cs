using System.Globalization;

namespace LazyDist.Graph;

/// <summary>
/// Converts a resolved argument to the parameter type of the method that receives it: a value
/// of that type passes as it is, an <see cref="ArgList"/> (an <c>object?[]</c>) becomes a typed
/// array, and numbers widen (an <c>int</c> literal to a <c>long</c> parameter).
/// </summary>
internal static class ArgConvert
{
    /// <summary>Converts <paramref name="value"/> to <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidCastException">The value cannot become a <typeparamref name="T"/>; the message names both types.</exception>
    public static T To<T>(object? value)
    {
        if (value is T typed)
            return typed;
        if (value is null && default(T) is null)
            return default!;
        return Slow<T>(value);
    }

    private static T Slow<T>(object? value)
    {
        var target = typeof(T);
        if (value is object?[] items && target.IsArray)
        {
            var element = target.GetElementType()!;
            var array = Array.CreateInstance(element, items.Length);
            for (int i = 0; i < items.Length; i++)
                array.SetValue(ConvertScalar(items[i], element), i);
            return (T)(object)array;
        }
        return (T)ConvertScalar(value, target)!;
    }

    private static object? ConvertScalar(object? value, Type target)
    {
        if (value is null || target.IsInstanceOfType(value))
            return value;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is IConvertible && underlying.IsPrimitive)
            return Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
        throw new InvalidCastException($"cannot pass a {value.GetType().Name} where a {target.Name} is expected");
    }
}
