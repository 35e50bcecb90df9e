using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;
using LazyDist.Graph;

namespace LazyDist.Benchmarks.SideBySide;

/// <summary>
/// A user assembly of about <see cref="PadBytes"/> bytes made in memory, as a compiled script
/// would be: one static class <c>Calc</c> with <c>int Apply(int x) = x + addend</c>, padded with
/// a field of initialized data (pseudo-random bytes from a seed, so two seeds give two builds).
/// It is loaded into a collectible load context of its own and registered with
/// <see cref="UserAssemblies.Register"/>, so that <see cref="Apply"/> can travel to workers.
/// </summary>
internal sealed class EmittedUserAssembly
{
    /// <summary>The size of the padding: 1 MB.</summary>
    public const int PadBytes = 1_000_000;

    private EmittedUserAssembly(Func<int, int> apply, int bytes)
    {
        Apply = apply;
        Bytes = bytes;
    }

    /// <summary><c>Calc.Apply</c>, a static method of the emitted assembly.</summary>
    public Func<int, int> Apply { get; }

    /// <summary>The size of the assembly's image.</summary>
    public int Bytes { get; }

    /// <summary>Emits, loads and registers an assembly called <paramref name="name"/>.</summary>
    /// <param name="name">Its simple name; one client session may use only one build of a name.</param>
    /// <param name="addend">What <c>Apply</c> adds.</param>
    /// <param name="padSeed">Seeds the padding's bytes.</param>
    public static EmittedUserAssembly Create(string name, int addend, int padSeed)
    {
        var image = Build(name, addend, padSeed);
        var context = new AssemblyLoadContext($"{name}-{padSeed}", isCollectible: true);
        var assembly = context.LoadFromStream(new MemoryStream(image, writable: false));
        UserAssemblies.Register(assembly, image);
        var apply = assembly.GetType("Calc")!.GetMethod("Apply")!.CreateDelegate<Func<int, int>>();
        return new EmittedUserAssembly(apply, image.Length);
    }

    private static byte[] Build(string name, int addend, int padSeed)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var module = builder.DefineDynamicModule(name);
        var type = module.DefineType("Calc", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class);
        var pad = new byte[PadBytes];
        new Random(padSeed).NextBytes(pad);
        type.DefineInitializedData("Pad", pad, FieldAttributes.Public | FieldAttributes.Static);
        var method = type.DefineMethod("Apply", MethodAttributes.Public | MethodAttributes.Static, typeof(int), [typeof(int)]);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4, addend);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ret);
        type.CreateType();
        using var stream = new MemoryStream();
        builder.Save(stream);
        return stream.ToArray();
    }
}
