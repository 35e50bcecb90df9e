namespace LazyDist.Collections;

/// <summary>Stable hashes of elements by their keys, as closures that capture only the user's key selector.</summary>
internal static class Hashes
{
    public static Func<T, ulong> ByKey<T, TKey>(Func<T, TKey> keySelector) => x => StableHash<TKey>.Of(keySelector(x));

    public static Func<T, ulong> Of<T>() => Fns<T>.Of;

    public static Func<KeyValuePair<TKey, TValue>, ulong> OfPairKey<TKey, TValue>() => Fns<TKey>.PairKey<TValue>.Of;

    private static class Fns<T>
    {
        public static readonly Func<T, ulong> Of = static x => StableHash<T>.Of(x);

        public static class PairKey<TValue>
        {
            public static readonly Func<KeyValuePair<T, TValue>, ulong> Of = static p => StableHash<T>.Of(p.Key);
        }
    }
}
