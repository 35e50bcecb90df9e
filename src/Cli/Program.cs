namespace LazyDist.Cli;

/// <summary>The <c>lazydist</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
