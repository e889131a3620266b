using System.Security.Cryptography;
using Shannon.Lab.Corpora;
using Shannon.Lab.Language;

namespace Shannon.Lab.Tests.Language;

public class ModelArithmeticCoderTests
{
    private static readonly string Corpus = EnglishText.Fallback();
    private static readonly CharacterLanguageModel Model5 = CharacterLanguageModel.Train(Corpus[..(Corpus.Length * 9 / 10)], 5);

    // Held-out text plus characters outside the alphabet (escapes), NUL code units among them.
    private static readonly string HeldOut = Corpus[(Corpus.Length * 9 / 10)..] + " caf\u00e9 \u20ac5 \u00e9t\u00e9 \0\u00e9\0";

    [Theory]
    // Reference: the lab's own coder before it was folded into Shannon.Coding (ModelArithmeticCoder.cs at commit
    // 965287e, with its private 32-bit registers and quantiser): bit counts and SHA-256 of the bytes it wrote.
    [InlineData(1, 3201, "4AB7167F500D4CB52A9E2314C449FE622655AFA0F57A414A93EE020F492D77CE")]
    [InlineData(3, 2251, "EB50866BD02A4F42CCD4BE953540317B0C5C67E9F0874C1CA3774D16A7FB98E0")]
    [InlineData(5, 1986, "8B604A53BF080991538307CEA4240A7258CA98981B307DDC7FD58336ED53ED2A")]
    public void CodesAreBitForBitThoseOfThePreFoldCoder(int order, long bitCount, string sha256)
    {
        var code = ModelArithmeticCoder.Encode(Model5, HeldOut, order);
        Assert.Equal(bitCount, code.BitCount);
        Assert.Equal(sha256, Convert.ToHexString(SHA256.HashData(code.Bytes)));
        Assert.Equal(HeldOut, ModelArithmeticCoder.Decode(Model5, code));
    }

    [Fact]
    public void WholeCorpusCodeIsBitForBitThatOfThePreFoldCoder()
    {
        // Same reference as above: 6969 characters (training and held-out) at order 5.
        var code = ModelArithmeticCoder.Encode(Model5, Corpus);
        Assert.Equal(6969, Corpus.Length);
        Assert.Equal(9794, code.BitCount);
        Assert.Equal("DE9DC9ED2A8DA8A924B025E6E7930B0B4C78A0E961F7FC2CA2F995BD9B50E9F2", Convert.ToHexString(SHA256.HashData(code.Bytes)));
    }
}
