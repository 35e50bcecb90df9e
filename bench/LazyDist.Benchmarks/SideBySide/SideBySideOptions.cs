using System.Globalization;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>The options of <c>side-by-side</c>: <c>[--repeat N] [--no-build] [--only PARTS] [--no-dask]</c>.</summary>
internal sealed record SideBySideOptions(int Repeat, bool Build, IReadOnlySet<string> Parts, bool Dask = true)
{
    /// <summary>The parts, in the order they run.</summary>
    public static readonly string[] AllParts = ["seed", "overhead", "million", "dist-seed", "overhead-dist", "transfer", "pool-seed", "code-shipping", "submit", .. Bag.BagComparison.Parts];

    /// <summary>The parts run without <c>--only</c>: all but the user-code parts, which only <c>--only</c> selects.</summary>
    public static readonly string[] DefaultParts = ["seed", "overhead", "million", "dist-seed", "overhead-dist", "transfer"];

    public static readonly string Usage = $"usage: side-by-side [--repeat N] [--no-build] [--only {string.Join(',', AllParts)}] [--no-dask]";

    /// <summary>Whether <paramref name="part"/> is to run.</summary>
    public bool Runs(string part) => Parts.Contains(part);

    /// <exception cref="ArgumentException">An option is unknown or its value is not a positive number or a known part.</exception>
    public static SideBySideOptions Parse(IReadOnlyList<string> args)
    {
        int repeat = 3;
        bool build = true;
        bool dask = true;
        var parts = new HashSet<string>(DefaultParts, StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--repeat" when i + 1 < args.Count
                    && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out repeat) && repeat >= 1:
                    i++;
                    break;
                case "--no-build":
                    build = false;
                    break;
                case "--no-dask":
                    dask = false;
                    break;
                case "--only" when i + 1 < args.Count && args[i + 1].Split(',').All(AllParts.Contains):
                    parts = new HashSet<string>(args[++i].Split(','), StringComparer.Ordinal);
                    break;
                default:
                    throw new ArgumentException($"unexpected argument '{args[i]}'; {Usage}");
            }
        }
        return new SideBySideOptions(repeat, build, parts, dask);
    }
}
