namespace LazyDist.Collections.Tests;

public class TokenizerTests
{
    [Test]
    public void Token_SameContent_SameToken()
    {
        string first = Tokenizer.Token("a", 1, 2.5, new[] { 1.0, 2.0 }), second = Tokenizer.Token("a", 1, 2.5, new[] { 1.0, 2.0 });
        Assert.That(first, Is.EqualTo(second));
    }

    [Test]
    public void Token_DifferentTypeSameDigits_Differ()
    {
        Assert.That(Tokenizer.Token(1), Is.Not.EqualTo(Tokenizer.Token(1L)));
    }

    [Test]
    public void Token_ArrayContentMatters()
    {
        Assert.That(Tokenizer.Token(new[] { 1.0, 2.0 }), Is.Not.EqualTo(Tokenizer.Token(new[] { 1.0, 2.5 })));
    }

    [Test]
    public void Token_UnknownObjects_ByIdentity()
    {
        var a = new object();
        Assert.Multiple(() =>
        {
            string first = Tokenizer.Token(a), second = Tokenizer.Token(a);
            Assert.That(first, Is.EqualTo(second));
            Assert.That(Tokenizer.Token(a), Is.Not.EqualTo(Tokenizer.Token(new object())));
        });
    }

    [Test]
    public void Token_Is32HexDigits()
    {
        Assert.That(Tokenizer.Token("x"), Does.Match("^[0-9a-f]{32}$"));
    }
}
