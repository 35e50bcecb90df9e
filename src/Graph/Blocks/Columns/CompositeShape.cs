using System.Linq.Expressions;
using System.Reflection;

namespace LazyDist.Graph.Blocks.Columns;

/// <summary>
/// How a record, tuple, anonymous type or other class or struct is taken apart and made again: the
/// public constructor with the most parameters that each match a public member by name and type
/// (a positional record's, an anonymous type's, a tuple's), then the settable members it does not
/// cover; or, with no such constructor, a parameterless one and the settable members.
/// </summary>
internal sealed class CompositeShape
{
    private CompositeShape(Type type, ConstructorInfo? constructor, MemberInfo[] members, int constructorArguments)
    {
        Type = type;
        Constructor = constructor;
        Members = members;
        ConstructorArguments = constructorArguments;
    }

    public Type Type { get; }

    /// <summary>Null for a struct made by its default constructor.</summary>
    public ConstructorInfo? Constructor { get; }

    /// <summary>The constructor's arguments first, then the members set after it.</summary>
    public MemberInfo[] Members { get; }

    public int ConstructorArguments { get; }

    public static Type TypeOf(MemberInfo member) => member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;

    public static CompositeShape? Of(Type type, out string? reason)
    {
        reason = null;
        var readable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetMethod!.IsPublic && p.GetIndexParameters().Length == 0).Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            .OrderBy(m => m.MetadataToken).ToList();
        foreach (var ctor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = ctor.GetParameters();
            var matched = new List<MemberInfo>(parameters.Length);
            foreach (var parameter in parameters)
            {
                var member = readable.FirstOrDefault(m => string.Equals(m.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && TypeOf(m) == parameter.ParameterType);
                if (member is null || matched.Contains(member))
                    break;
                matched.Add(member);
            }
            if (matched.Count != parameters.Length || (parameters.Length == 0 && !type.IsClass))
                continue;
            var rest = readable.Where(m => !matched.Contains(m) && Settable(m)).ToList();
            return new CompositeShape(type, ctor, [.. matched, .. rest], matched.Count);
        }
        if (type.IsValueType)
            return new CompositeShape(type, null, [.. readable.Where(Settable)], 0);
        reason = $"{type} has no public constructor that takes every member (as a record's, a tuple's or an anonymous type's does) and no parameterless one";
        return null;
    }

    private static bool Settable(MemberInfo member) => member switch
    {
        PropertyInfo p => p.SetMethod is { IsPublic: true },
        FieldInfo f => !f.IsInitOnly,
        _ => false,
    };

    /// <summary>Compiles <c>(columns, i) => new T(((M0[])columns[0])[i], ...) { Mk = ((Mk[])columns[k])[i], ... }</c>.</summary>
    public Func<object[], int, T> CompileFactory<T>()
    {
        var columns = Expression.Parameter(typeof(object[]), "columns");
        var index = Expression.Parameter(typeof(int), "i");
        Expression ValueOf(int m) => Expression.ArrayIndex(
            Expression.Convert(Expression.ArrayIndex(columns, Expression.Constant(m)), TypeOf(Members[m]).MakeArrayType()), index);
        var made = Constructor is null
            ? Expression.New(Type)
            : Expression.New(Constructor, Enumerable.Range(0, ConstructorArguments).Select(ValueOf));
        Expression body = Members.Length == ConstructorArguments
            ? made
            : Expression.MemberInit(made, Enumerable.Range(ConstructorArguments, Members.Length - ConstructorArguments).Select(m => Expression.Bind(Members[m], ValueOf(m))));
        return Expression.Lambda<Func<object[], int, T>>(Expression.Convert(body, typeof(T)), columns, index).Compile();
    }

    /// <summary>Compiles <c>v => v.Member</c>.</summary>
    public static Func<T, TMember> CompileGetter<T, TMember>(MemberInfo member)
    {
        var value = Expression.Parameter(typeof(T), "v");
        return Expression.Lambda<Func<T, TMember>>(Expression.MakeMemberAccess(value, member), value).Compile();
    }
}
