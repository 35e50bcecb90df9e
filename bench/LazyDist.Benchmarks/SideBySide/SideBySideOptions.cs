using System.Globalization;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>The options of <c>side-by-side</c>: <c>[--repeat N] [--no-build]</c>.</summary>
internal sealed record SideBySideOptions(int Repeat, bool Build)
{
    public const string Usage = "usage: side-by-side [--repeat N] [--no-build]";

    /// <exception cref="ArgumentException">An option is unknown or its value is not a positive number.</exception>
    public static SideBySideOptions Parse(IReadOnlyList<string> args)
    {
        int repeat = 3;
        bool build = true;
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
                default:
                    throw new ArgumentException($"unexpected argument '{args[i]}'; {Usage}");
            }
        }
        return new SideBySideOptions(repeat, build);
    }
}
