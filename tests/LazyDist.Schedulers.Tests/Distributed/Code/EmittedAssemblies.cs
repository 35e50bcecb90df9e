using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Distributed.Code;

/// <summary>
/// Builds small user assemblies in memory (one static class <c>Calc</c> with
/// <c>int Apply(int x)</c>), loads each into a load context of its own as a client program would,
/// and registers its bytes so that its code can travel. Two builds of one name stand for two
/// versions of a user's library.
/// </summary>
internal static class EmittedAssemblies
{
    /// <summary><c>Calc.Apply(x) = x + addend</c>, in an assembly called <paramref name="name"/>.</summary>
    public static Func<int, int> Adder(string name, int addend)
    {
        var bytes = Build(name, il =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4, addend);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ret);
        });
        return Load(bytes, new AssemblyLoadContext($"{name}-{addend}", isCollectible: true));
    }

    /// <summary>
    /// <c>Calc.Apply(x) = Dependency.Calc.Apply(x)</c>, where the dependency is loaded in the
    /// client's context only as a reference it cannot find, so it never travels.
    /// </summary>
    public static Func<int, int> CallerOfMissingDependency(string name, string dependencyName)
    {
        var dependencyBytes = Build(dependencyName, il =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ret);
        });
        var dependencyContext = new AssemblyLoadContext($"{dependencyName}-only", isCollectible: true);
        var target = dependencyContext.LoadFromStream(new MemoryStream(dependencyBytes)).GetType("Calc")!.GetMethod("Apply")!;
        var bytes = Build(name, il =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, target);
            il.Emit(OpCodes.Ret);
        });
        return Load(bytes, new AssemblyLoadContext($"{name}-caller", isCollectible: true));
    }

    private static Func<int, int> Load(byte[] bytes, AssemblyLoadContext context)
    {
        var assembly = context.LoadFromStream(new MemoryStream(bytes));
        UserAssemblies.Register(assembly, bytes);
        return assembly.GetType("Calc")!.GetMethod("Apply")!.CreateDelegate<Func<int, int>>();
    }

    private static byte[] Build(string name, Action<ILGenerator> body)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var module = builder.DefineDynamicModule(name);
        var type = module.DefineType("Calc", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class);
        var method = type.DefineMethod("Apply", MethodAttributes.Public | MethodAttributes.Static, typeof(int), [typeof(int)]);
        body(method.GetILGenerator());
        type.CreateType();
        using var stream = new MemoryStream();
        builder.Save(stream);
        return stream.ToArray();
    }
}
