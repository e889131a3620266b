using CsCheck;
using Shannon.Coding;

namespace Shannon.Tests.Coding;

public class ArithmeticCoderTests
{
    private static double IdealBits(int[] cumulative, IEnumerable<int> symbols) =>
        symbols.Sum(s => -Math.Log2((double)(cumulative[s + 1] - cumulative[s]) / cumulative[^1]));

    [Fact]
    public void StaticModelRoundTripsAndIsWithinTwoBitsOfTheIdealLength()
    {
        var rng = new Random(20260);
        long[] freqs = [500, 250, 125, 60, 30, 20, 10, 4, 1];
        var cumulative = ArithmeticCoding.CumulativeFromFrequencies(freqs);
        var symbols = new int[100_000];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = ArithmeticCoding.FindSymbol(cumulative, rng.Next(cumulative[^1]));
        }

        var encoder = new ArithmeticEncoder();
        foreach (int s in symbols)
        {
            encoder.Encode(cumulative, s);
        }

        var bits = encoder.Finish();
        var decoder = new ArithmeticDecoder(bits);
        var decoded = symbols.Select(_ => decoder.Decode(cumulative)).ToArray();
        Assert.Equal(symbols, decoded);

        // Witten, Neal & Cleary (1987): the code exceeds the ideal -sum log2 p by the 2 closing bits plus the
        // rounding of the integer ranges, at most n * log2(1 / (1 - total / 2^30)) ~ n * 1e-6 bits here.
        double ideal = IdealBits(cumulative, symbols);
        Assert.InRange(bits.BitCount, ideal, ideal + 2 + (symbols.Length * 2e-6));
    }

    [Fact]
    public void AdaptiveModelRoundTrips()
    {
        // An adaptive order-0 model (Laplace counts, updated after each symbol) drives encoder and decoder identically.
        var rng = new Random(7);
        const int k = 40;
        var symbols = Enumerable.Range(0, 20_000).Select(i => (int)Math.Min(k - 1, Math.Abs(rng.NextDouble() * rng.NextDouble() * k))).ToArray();
        var encoderCounts = Enumerable.Repeat(1L, k).ToArray();
        var encoder = new ArithmeticEncoder();
        double ideal = 0;
        foreach (int s in symbols)
        {
            var c = ArithmeticCoding.CumulativeFromFrequencies(encoderCounts);
            ideal += -Math.Log2((double)(c[s + 1] - c[s]) / c[^1]);
            encoder.Encode(c, s);
            encoderCounts[s]++;
        }

        var bits = encoder.Finish();
        var decoderCounts = Enumerable.Repeat(1L, k).ToArray();
        var decoder = new ArithmeticDecoder(bits);
        foreach (int s in symbols)
        {
            int d = decoder.Decode(ArithmeticCoding.CumulativeFromFrequencies(decoderCounts));
            Assert.Equal(s, d);
            decoderCounts[d]++;
        }

        Assert.InRange(bits.BitCount, ideal, ideal + 2 + (symbols.Length * 1e-6));
    }

    [Fact]
    public void RandomTablesAndMessagesRoundTrip()
    {
        Gen.Select(Gen.Long[1, 100_000].Array[1, 60], Gen.Int[0, 500], Gen.Int).Sample((freqs, n, seed) =>
        {
            var cumulative = ArithmeticCoding.CumulativeFromFrequencies(freqs);
            var rng = new Random(seed);
            var symbols = Enumerable.Range(0, n).Select(_ => ArithmeticCoding.FindSymbol(cumulative, rng.Next(cumulative[^1]))).ToArray();
            var encoder = new ArithmeticEncoder();
            foreach (int s in symbols)
            {
                encoder.Encode(cumulative, s);
            }

            var decoder = new ArithmeticDecoder(encoder.Finish());
            Assert.Equal(symbols, symbols.Select(_ => decoder.Decode(cumulative)).ToArray());
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void SymbolsOfFrequencyZeroAreSkippedByTheDecoder()
    {
        // Symbols 0 and 2 have frequency 0 (a model that rules them out); the others must still round-trip.
        var cumulative = ArithmeticCoding.CumulativeFromFrequencies([0, 3, 0, 5, 0]);
        int[] symbols = [1, 3, 3, 1, 3, 1, 1, 3];
        var encoder = new ArithmeticEncoder();
        foreach (int s in symbols)
        {
            encoder.Encode(cumulative, s);
        }

        var decoder = new ArithmeticDecoder(encoder.Finish());
        Assert.Equal(symbols, symbols.Select(_ => decoder.Decode(cumulative)).ToArray());
        Assert.Equal("cumulative", Assert.Throws<ArgumentException>(() => new ArithmeticEncoder().Encode(cumulative, 0)).ParamName);
    }

    [Fact]
    public void QuantizedProbabilitiesKeepEverySymbolAndTheExactTotal()
    {
        var c = ArithmeticCoding.QuantizeProbabilities([0.7, 0.3, 0.0], 1 << 16);
        Assert.Equal(1 << 16, c[^1]);
        Assert.Equal(0, c[0]);
        Assert.Equal(1, c[3] - c[2]); // p = 0 still codable with one count
        // 1 + floor(0.3 * (65536 - 3)) = 1 + 19659 = 19660 counts for the second symbol.
        Assert.Equal(19660, c[2] - c[1]);
    }

    [Fact]
    public void BadTablesNameTheParameterAndValue()
    {
        var encoder = new ArithmeticEncoder();
        var ex = Assert.Throws<ArgumentException>(() => encoder.Encode([0, 5, 5, 9], 1));
        Assert.Equal("cumulative", ex.ParamName);
        Assert.Contains("c[1] = 5, c[2] = 5", ex.Message, StringComparison.Ordinal);
        Assert.Equal("cumulative", Assert.Throws<ArgumentException>(() => encoder.Encode([1, 5], 0)).ParamName);
        Assert.Equal("symbol", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode([0, 5], 1)).ParamName);
        var freq = Assert.Throws<ArgumentException>(() => ArithmeticCoding.CumulativeFromFrequencies([3, -1]));
        Assert.Equal("frequencies", freq.ParamName);
        Assert.Contains("-1 at index 1", freq.Message, StringComparison.Ordinal);
        Assert.Equal("frequencies", Assert.Throws<ArgumentException>(() => ArithmeticCoding.CumulativeFromFrequencies([1L << 30, 1])).ParamName);
        Assert.Equal("total", Assert.Throws<ArgumentOutOfRangeException>(() => ArithmeticCoding.QuantizeProbabilities([0.5, 0.5], 3)).ParamName);
        encoder.Finish();
        Assert.Throws<InvalidOperationException>(() => encoder.Finish());
    }
}
