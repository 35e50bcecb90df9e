using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace LazyDist.Graph;

/// <summary>The process-wide table of <see cref="IFusionRule"/>s, by the consumer's operation name.</summary>
internal static class FusionRules
{
    private static readonly ConcurrentDictionary<string, IFusionRule> ByOperation = new(StringComparer.Ordinal);

    /// <summary>Uses <paramref name="rule"/> for tasks of the built-in operation <paramref name="operationName"/> (idempotent).</summary>
    public static void Register(string operationName, IFusionRule rule)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationName);
        ArgumentNullException.ThrowIfNull(rule);
        ByOperation[operationName] = rule;
    }

    internal static bool TryGet(OpRef op, [NotNullWhen(true)] out IFusionRule? rule)
    {
        rule = null;
        return op.IsBuiltin && ByOperation.TryGetValue(op.Name, out rule);
    }
}
