using System.Security.Cryptography;
using CsCheck;
using Shannon.Coding;
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

    [Fact]
    public void TheLanguageModelDrivesTheLibraryCoderWithinItsCrossEntropy()
    {
        // The adapter is an ordinary ISymbolModel: the library's generic Encode/Decode round-trip its symbol stream
        // (one symbol per character, plus the code unit after each "other"), and the code length is at most the
        // model's cross-entropy + 2 bits + quantisation (f >= p (2^24 - K) over a total <= 2^24) + range rounding
        // (at most -log2(1 - T / (2^30 f)) per step, Witten, Neal & Cleary 1987). Scoring rejects NUL, so the text has none.
        var chars = Gen.OneOf(Gen.Char["abcdefghijklmnopqrstuvwxyz ;,.'\n"], Gen.Char['\u0001', '\uffff']);
        Gen.Select(chars.Array[1, 150].Select(a => new string(a)), Gen.Int[1, 5]).Sample((text, order) =>
        {
            var symbols = new CharacterSymbolModel(Model5, order);
            var coded = symbols.CodedSymbols(text);
            var bits = ArithmeticCoding.Encode(symbols, coded);
            Assert.Equal(coded, ArithmeticCoding.Decode(symbols, bits, coded.Length));
            Assert.Equal(bits.Bytes, ModelArithmeticCoder.Encode(Model5, text, order).Bytes);

            double bound = 2;
            symbols.Reset();
            foreach (int s in coded)
            {
                var table = symbols.Cumulative();
                long f = table[s + 1] - table[s];
                bound += -Math.Log2(1 - ((double)table[^1] / ((double)ArithmeticCoding.MaxTotal * f)));
                symbols.Update(s);
            }

            int k = Model5.SymbolCount;
            double quantisation = text.Length * Math.Log2((double)(1 << CharacterSymbolModel.FrequencyBits) / ((1 << CharacterSymbolModel.FrequencyBits) - k));
            double crossEntropy = Model5.EvaluateAllOrders(text).BitsPerCharacter[order - 1] * text.Length;
            Assert.InRange(bits.BitCount, 0, crossEntropy + quantisation + bound + 1e-6);
        }, iter: 150, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void AdapterRejectsABadOrder()
    {
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => new CharacterSymbolModel(Model5, 6)).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => ModelArithmeticCoder.Encode(Model5, "abc", -1)).ParamName);
    }
}
