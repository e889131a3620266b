using CsCheck;
using Shannon.Coding;

namespace Shannon.Tests.Coding;

public class HuffmanCodeTests
{
    [Fact]
    public void CoverThomasExample561HasLengths22233()
    {
        // Cover & Thomas (2006), Elements of Information Theory, 2nd ed., example 5.6.1:
        // p = (0.25, 0.25, 0.2, 0.15, 0.15) gives codeword lengths (2, 2, 2, 3, 3) and L = 2.3 bits.
        double[] p = [0.25, 0.25, 0.2, 0.15, 0.15];
        var code = HuffmanCode.FromWeights(p);
        Assert.Equal([2, 2, 2, 3, 3], code.Lengths());
        Assert.Equal(2.3, code.AverageLength(p), 12); // exact up to the rounding of 0.25*2 + ... in double
        Assert.Equal(1.0, code.KraftSum());
    }

    [Fact]
    public void DyadicDistributionMeetsTheEntropyExactly()
    {
        // p = (1/2, 1/4, 1/8, 1/8): lengths -log2 p = (1, 2, 3, 3) and L = H = 1.75 bits (Cover & Thomas 2006, eq. 5.26 holds with equality).
        double[] p = [0.5, 0.25, 0.125, 0.125];
        var code = HuffmanCode.FromWeights(p);
        Assert.Equal([1, 2, 3, 3], code.Lengths());
        Assert.Equal(1.75, code.AverageLength(p));
        Assert.Equal(["0", "10", "110", "111"], Enumerable.Range(0, 4).Select(code.Codeword).ToArray());
    }

    [Fact]
    public void CoverThomasExample563HasExpectedLengthTwo()
    {
        // Cover & Thomas (2006), example 5.6.3: p = (1/3, 1/3, 1/4, 1/12) has two optimal codes, lengths
        // (2, 2, 2, 2) and (1, 2, 3, 3), both with L = 2 bits.
        double[] p = [1.0 / 3, 1.0 / 3, 0.25, 1.0 / 12];
        var code = HuffmanCode.FromWeights(p);
        Assert.Equal(2.0, code.AverageLength(p), 12);
    }

    [Fact]
    public void ZeroWeightSymbolsGetNoCodewordAndOneSymbolGetsOneBit()
    {
        var code = HuffmanCode.FromWeights([0, 3, 0, 1]);
        Assert.Equal([0, 1, 0, 1], code.Lengths());
        Assert.Equal("", code.Codeword(0));
        var single = HuffmanCode.FromWeights([0, 5]);
        Assert.Equal([0, 1], single.Lengths());
        var bits = single.Encode([1, 1, 1]);
        Assert.Equal(3, bits.BitCount);
        Assert.Equal([1, 1, 1], single.Decode(bits, 3));
    }

    [Fact]
    public void LengthIsWithinOneBitOfEntropyKraftIsOneAndNoWorseThanShannonCode()
    {
        Gen.Double[0.001, 1.0].Array[2, 40].Sample(w =>
        {
            double sum = w.Sum();
            var p = w.Select(x => x / sum).ToArray();
            var code = HuffmanCode.FromWeights(w);
            double h = Measures.Entropy(p, InformationUnit.Bits).Value;
            double l = code.AverageLength(p);
            double shannonCode = p.Sum(x => x * Math.Ceiling(-Math.Log2(x)));
            Assert.InRange(l, h - 1e-12, h + 1);
            Assert.True(l <= shannonCode + 1e-12, $"Huffman {l} > Shannon code {shannonCode}");
            Assert.Equal(1.0, code.KraftSum(), 12);
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void RoundTripsRandomSymbolsAndCodeIsPrefixFree()
    {
        var rng = new Random(51);
        var weights = Enumerable.Range(0, 30).Select(_ => rng.NextDouble()).ToArray();
        var code = HuffmanCode.FromWeights(weights);
        var words = Enumerable.Range(0, 30).Select(code.Codeword).ToArray();
        for (int a = 0; a < words.Length; a++)
        {
            for (int b = 0; b < words.Length; b++)
            {
                Assert.False(a != b && words[b].StartsWith(words[a], StringComparison.Ordinal), $"{words[a]} prefixes {words[b]}");
            }
        }

        var symbols = Enumerable.Range(0, 5000).Select(_ => rng.Next(30)).ToArray();
        var bits = code.Encode(symbols);
        Assert.Equal(symbols.Sum(s => (long)code.Length(s)), bits.BitCount);
        Assert.Equal(symbols, code.Decode(bits, symbols.Length));
    }

    [Fact]
    public void BadInputsNameTheParameterAndValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => HuffmanCode.FromWeights([1, -2]));
        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("-2 at index 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => HuffmanCode.FromWeights([0, 0])).ParamName);
        var code = HuffmanCode.FromWeights([1, 0, 1]);
        var enc = Assert.Throws<ArgumentException>(() => code.Encode([0, 1]));
        Assert.Equal("symbols", enc.ParamName);
        Assert.Contains("1 at index 1", enc.Message, StringComparison.Ordinal);
        Assert.Equal("symbol", Assert.Throws<ArgumentOutOfRangeException>(() => code.Length(3)).ParamName);
        Assert.Throws<InvalidDataException>(() => code.Decode(code.Encode([0]), 2));
    }
}
