namespace LazyDist.Graph.Tests.Code;

public class UserAssembliesTests
{
    [Test]
    public void FrameworkLibraryAndItsDependencies_AreShared_TheProgramIsNot()
    {
        Assert.Multiple(() =>
        {
            Assert.That(UserAssemblies.IsShared(typeof(object).Assembly), Is.True, "the framework");
            Assert.That(UserAssemblies.IsShared(typeof(TaskGraph).Assembly), Is.True, "LazyDist");
            Assert.That(UserAssemblies.IsShared(typeof(MessagePack.MessagePackSerializer).Assembly), Is.True, "what LazyDist depends on");
            Assert.That(UserAssemblies.IsSharedName("LazyDist.Collections"), Is.True, "a library not loaded here yet is still shared");
            Assert.That(UserAssemblies.IsShared(typeof(UserAssembliesTests).Assembly), Is.False, "the user's program travels");
        });
    }

    [Test]
    public void Image_HashIsTheSha256OfTheFileItWasLoadedFrom()
    {
        var assembly = typeof(UserAssembliesTests).Assembly;
        var image = UserAssemblies.ImageOf(assembly);
        Assert.That(image.Hash, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(assembly.Location)))));
        Assert.That(UserAssemblies.FindByHash(image.Hash), Is.SameAs(assembly));
    }
}
