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
    // Bit counts: the lab's own coder before it was folded into Shannon.Coding (ModelArithmeticCoder.cs at commit
    // 965287e, with its private 32-bit registers and quantiser). SHA-256 of the bytes: since CharacterSymbolModel
    // quantises with the library's one rule (ArithmeticCoding.QuantizeProbabilities, total exactly 2^24, the floors'
    // lost counts to the likeliest symbol) instead of the lab's (the same floors, a total short of 2^24), the bytes
    // differ from 965287e's (4AB7167F..., EB50866B..., 8B604A53...) while every code length stayed the same and the
    // round trip is exact; the hashes pin the new bytes.
    [InlineData(1, 3201, "856A279FA51A1BB66C639FD2A4BA9CB6E0ED780DC3C5DFBDB12E0D50D2CAB46C")]
    [InlineData(3, 2251, "2E76B14064CCCB01304CE55B16FE29C8A48798E56A00E68F085CC22F25361F49")]
    [InlineData(5, 1986, "01CB7F6E86913928AECA28C668DD9AAE3B7FEC0E0C87EB4963D14CA359186FF4")]
    public void CodeLengthsAreThoseOfThePreFoldCoderAndBytesArePinned(int order, long bitCount, string sha256)
    {
        var code = ModelArithmeticCoder.Encode(Model5, HeldOut, order);
        Assert.Equal(bitCount, code.BitCount);
        Assert.Equal(sha256, Convert.ToHexString(SHA256.HashData(code.Bytes)));
        Assert.Equal(HeldOut, ModelArithmeticCoder.Decode(Model5, code));
    }

    [Fact]
    public void WholeCorpusCodeLengthIsThatOfThePreFoldCoderAndBytesArePinned()
    {
        // Same references as above: 6969 characters (training and held-out) at order 5; 965287e's bytes hashed to
        // DE9DC9ED..., the library's quantisation gives the same 9794 bits in other bytes.
        var code = ModelArithmeticCoder.Encode(Model5, Corpus);
        Assert.Equal(6969, Corpus.Length);
        Assert.Equal(9794, code.BitCount);
        Assert.Equal("7AE0C0D644F74CF78308EF4786B4EA5C8D7B7E46ADFD4B4D552EF6E732959C2B", Convert.ToHexString(SHA256.HashData(code.Bytes)));
        Assert.Equal(Corpus, ModelArithmeticCoder.Decode(Model5, code));
    }

    [Fact]
    public void TheLanguageModelDrivesTheLibraryCoderWithinItsCrossEntropy()
    {
        // The adapter is an ordinary ISymbolModel: the library's generic Encode/Decode round-trip its symbol stream
        // (one symbol per character, plus the code unit after each "other"), and the code length is at most the
        // model's cross-entropy + 2 bits + quantisation (f >= p (2^24 - K) over a total of 2^24) + range rounding
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
