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

    /// <summary>
    /// An assembly whose <c>Calc</c> has <c>Apply(x) = x + 1</c> and <c>Forward(x) = Dependency.Calc.Apply(x)</c>,
    /// loaded with its dependency (<c>Apply(x) = x + addend</c>) in one context, as a program and a library it uses.
    /// </summary>
    /// <returns>Both functions and the two images' sizes.</returns>
    public static (Func<int, int> Own, Func<int, int> Forward, int Size, int DependencySize) WithDependency(string name, string dependencyName, int addend)
    {
        var context = new AssemblyLoadContext($"{name}-with-dependency", isCollectible: true);
        var dependencyBytes = Build(dependencyName, il =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4, addend);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ret);
        });
        var dependency = context.LoadFromStream(new MemoryStream(dependencyBytes));
        UserAssemblies.Register(dependency, dependencyBytes);
        var target = dependency.GetType("Calc")!.GetMethod("Apply")!;
        var bytes = Build(name, il =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ret);
        }, ("Forward", il =>
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, target);
            il.Emit(OpCodes.Ret);
        }));
        var assembly = context.LoadFromStream(new MemoryStream(bytes));
        UserAssemblies.Register(assembly, bytes);
        var calc = assembly.GetType("Calc")!;
        return (calc.GetMethod("Apply")!.CreateDelegate<Func<int, int>>(), calc.GetMethod("Forward")!.CreateDelegate<Func<int, int>>(), bytes.Length, dependencyBytes.Length);
    }

    private static Func<int, int> Load(byte[] bytes, AssemblyLoadContext context)
    {
        var assembly = context.LoadFromStream(new MemoryStream(bytes));
        UserAssemblies.Register(assembly, bytes);
        return assembly.GetType("Calc")!.GetMethod("Apply")!.CreateDelegate<Func<int, int>>();
    }

    private static byte[] Build(string name, Action<ILGenerator> body, params (string Name, Action<ILGenerator> Body)[] others)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var module = builder.DefineDynamicModule(name);
        var type = module.DefineType("Calc", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class);
        var method = type.DefineMethod("Apply", MethodAttributes.Public | MethodAttributes.Static, typeof(int), [typeof(int)]);
        body(method.GetILGenerator());
        foreach (var (otherName, otherBody) in others)
            otherBody(type.DefineMethod(otherName, MethodAttributes.Public | MethodAttributes.Static, typeof(int), [typeof(int)]).GetILGenerator());
        type.CreateType();
        using var stream = new MemoryStream();
        builder.Save(stream);
        return stream.ToArray();
    }
}
