namespace LazyDist.Graph;

/// <summary>Readable names for compiler-generated fields and types, for refusal messages.</summary>
internal static class CodeNames
{
    /// <summary>The name a user wrote for a field: <c>this</c> for a captured <c>this</c>, the property for a backing field.</summary>
    public static string Field(string name)
    {
        if (name == "<>4__this")
            return "this";
        // <Name>k__BackingField (a property), <Name>i__Field (an anonymous type's member)
        if (name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end)
            return name[1..end];
        return name;
    }

    /// <summary>Whether a field holds an enclosing closure, which a path should pass through silently.</summary>
    public static bool IsOuterClosure(string name) => name.StartsWith("CS$<>", StringComparison.Ordinal);

    /// <summary>A path with one more step.</summary>
    public static string Step(string path, string field)
    {
        if (IsOuterClosure(field))
            return path;
        string name = Field(field);
        return path.Length == 0 ? name : $"{path}.{name}";
    }

    /// <summary>A type's name as C# shows it: namespace-free, generic arguments in angle brackets.</summary>
    public static string Type(Type type)
    {
        string name = type.IsNested && type.DeclaringType is { } outer ? $"{Type(outer)}.{type.Name}" : type.Name;
        if (!type.IsGenericType)
            return name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        var args = type.IsGenericTypeDefinition ? [] : type.GetGenericArguments();
        return args.Length == 0 ? name : $"{(tick >= 0 ? name[..tick] : name)}<{string.Join(", ", args.Select(Type))}>";
    }
}
