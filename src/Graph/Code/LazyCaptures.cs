using System.Reflection;
using System.Runtime.CompilerServices;

namespace LazyDist.Graph;

/// <summary>
/// Finds the <see cref="ILazyValue"/>s a function captures: in the fields of its closure, of the
/// closures that encloses, and of the functions it captures in turn.
/// </summary>
internal static class LazyCaptures
{
    private const int MaxDepth = 8;

    public static IReadOnlyList<ILazyValue> Of(Delegate f)
    {
        var found = new List<ILazyValue>();
        Walk(f.Target, found, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return found;
    }

    private static void Walk(object? target, List<ILazyValue> found, HashSet<object> seen, int depth)
    {
        if (target is null || depth > MaxDepth || !seen.Add(target) || !target.GetType().IsDefined(typeof(CompilerGeneratedAttribute), false))
            return;
        foreach (var field in CaptureRules.Fields(target.GetType()))
        {
            switch (field.GetValue(target))
            {
                case ILazyValue lazy:
                    if (!found.Contains(lazy))
                        found.Add(lazy);
                    break;
                case Delegate d:
                    Walk(d.Target, found, seen, depth + 1);
                    break;
                case { } inner:
                    Walk(inner, found, seen, depth + 1);
                    break;
            }
        }
    }
}

/// <summary>A captured lazy value read in another process: the field to fill and the key whose value fills it.</summary>
/// <param name="Owner">The object that has the field.</param>
/// <param name="Field">The closure field that held the lazy value.</param>
/// <param name="Key">The key of the captured value.</param>
/// <param name="Prototype">An uninitialized object of the captured type, whose <see cref="ILazyValue.Resolved"/> makes the filled value.</param>
internal sealed record LazyBinding(object Owner, FieldInfo Field, TaskKey Key, ILazyValue Prototype)
{
    /// <summary>Fills the field. Every task of one operation binds the same key, so the same value.</summary>
    public void Bind(Func<TaskKey, object?> valueOf) => Field.SetValue(Owner, Prototype.Resolved(valueOf(Key)));
}
