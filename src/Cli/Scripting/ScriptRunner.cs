using System.Reflection;
using System.Runtime.Loader;
using LazyDist.Graph;

namespace LazyDist.Cli.Scripting;

/// <summary>
/// Loads a compiled script, registers its image so its code can travel to workers, and runs its
/// top-level statements with <see cref="ScriptGlobals"/> set and the scheduler the default one
/// (<see cref="DefaultScheduler"/>), so <c>Compute()</c> with no argument runs there too.
/// </summary>
internal static class ScriptRunner
{
    /// <summary>Runs <paramref name="script"/> on <paramref name="open"/>'s scheduler and waits for it.</summary>
    /// <param name="script">A compilation that succeeded.</param>
    /// <param name="open">The scheduler the script sees as <c>Scheduler</c>.</param>
    /// <param name="args">The script's <c>args</c>.</param>
    /// <returns>What the script returned (<c>return 3;</c> at top level), or 0.</returns>
    /// <remarks>Whatever the script throws comes out unwrapped, with its own stack trace.</remarks>
    public static async Task<int> RunAsync(ScriptCompilation script, OpenScheduler open, string[] args)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(open);
        if (!script.Succeeded)
            throw new ArgumentException($"script {script.AssemblyName} did not compile", nameof(script));
        var assembly = Load(script.Image);
        var entry = assembly.EntryPoint ?? throw new InvalidOperationException($"script {script.AssemblyName} has no entry point");
        ScriptGlobals.Set(open.Scheduler, open.Cluster);
        using var asDefault = open.Scheduler.AsDefault();
        try
        {
            return await InvokeAsync(entry, args).ConfigureAwait(false);
        }
        finally
        {
            ScriptGlobals.Set(null, null);
        }
    }

    /// <summary>Loads the image into the default context and registers exactly those bytes for shipping.</summary>
    internal static Assembly Load(byte[] image)
    {
        using var stream = new MemoryStream(image, writable: false);
        var assembly = AssemblyLoadContext.Default.LoadFromStream(stream);
        UserAssemblies.Register(assembly, image);
        return assembly;
    }

    /// <summary>
    /// Calls the top-level statements. An async script's entry point is a compiler-made wrapper
    /// (<c>&lt;Main&gt;</c>) that blocks on the real method (<c>&lt;Main&gt;$</c>); that one is awaited instead.
    /// </summary>
    private static async Task<int> InvokeAsync(MethodInfo entry, string[] args)
    {
        var method = entry;
        if (!typeof(Task).IsAssignableFrom(entry.ReturnType) &&
            entry.DeclaringType?.GetMethod("<Main>$", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic) is { } body &&
            typeof(Task).IsAssignableFrom(body.ReturnType))
        {
            method = body;
        }
        object?[] arguments = method.GetParameters().Length == 0 ? [] : [args];
        object? returned = method.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        if (returned is Task task)
        {
            await task.ConfigureAwait(false);
            return task is Task<int> withCode ? withCode.Result : 0;
        }
        return returned is int code ? code : 0;
    }
}
