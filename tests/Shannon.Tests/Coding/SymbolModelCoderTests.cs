using CsCheck;
using Shannon.Coding;

namespace Shannon.Tests.Coding;

/// <summary>The one arithmetic coder driven through <see cref="ISymbolModel"/>: a fixed table and an adaptive context model.</summary>
public class SymbolModelCoderTests
{
    // Integer rounding of the ranges: a step with range R > 2^30 (after renormalisation) keeps a width of at least
    // R f / T - 1, i.e. the fraction f / T times (1 - T / (R f)), so it costs at most -log2(1 - T / (2^30 f)) bits
    // beyond -log2(f / T); termination adds at most 2 bits (Witten, Neal & Cleary 1987).
    private static double RoundingBits(long frequency, long total) => -Math.Log2(1 - ((double)total / ((double)ArithmeticCoding.MaxTotal * frequency)));

    [Fact]
    public void FixedModelRoundTripsRandomSequencesWithinTwoBitsOfTheTableLength()
    {
        Gen.Select(Gen.Long[1, 100_000].Array[1, 60], Gen.Int[0, 500], Gen.Int).Sample((frequencies, n, seed) =>
        {
            var model = FixedSymbolModel.FromFrequencies(frequencies);
            var table = model.Cumulative().ToArray();
            var rng = new Random(seed);
            var symbols = Enumerable.Range(0, n).Select(_ => ArithmeticCoding.FindSymbol(table, rng.Next(model.Total))).ToArray();

            var bits = ArithmeticCoding.Encode(model, symbols);

            Assert.Equal(symbols, ArithmeticCoding.Decode(model, bits, n));
            double ideal = 0, rounding = 0;
            foreach (int s in symbols)
            {
                long f = frequencies[s];
                ideal -= Math.Log2((double)f / model.Total);
                rounding += RoundingBits(f, model.Total);
            }

            Assert.InRange(bits.BitCount, 0, ideal + 2 + rounding + 1e-9);
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void FixedModelGoesThroughTheSameEngineAsPerStepTables()
    {
        // The model path and the table-per-call path are one coder: the same bytes, bit for bit.
        Gen.Select(Gen.Long[0, 1000].Array[1, 30], Gen.Int[0, 300], Gen.Int).Where((f, _, _) => f.Sum() > 0).Sample((frequencies, n, seed) =>
        {
            var cumulative = ArithmeticCoding.CumulativeFromFrequencies(frequencies);
            var rng = new Random(seed);
            var symbols = Enumerable.Range(0, n).Select(_ => ArithmeticCoding.FindSymbol(cumulative, rng.Next(cumulative[^1]))).ToArray();
            var encoder = new ArithmeticEncoder();
            foreach (int s in symbols)
            {
                encoder.Encode(cumulative, s);
            }

            var perStep = encoder.Finish();
            var viaModel = ArithmeticCoding.Encode(FixedSymbolModel.FromFrequencies(frequencies), symbols);
            Assert.Equal(perStep.BitCount, viaModel.BitCount);
            Assert.Equal(perStep.Bytes, viaModel.Bytes);
        }, iter: 100, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void ContextModelRoundTripsWithinCrossEntropyPlusTwoBitsPlusQuantisationLoss()
    {
        // Sequences from a random Markov chain, coded by an adaptive order-1 model whose probabilities are quantised
        // by QuantizeProbabilities to total T: f = 1 + floor(p (T - K)) + (extra for the likeliest) >= p (T - K), so
        // each step costs at most -log2 p + log2(T / (T - K)) bits before rounding.
        var gen = Gen.Select(Gen.Int[2, 20], Gen.Int[0, 400], Gen.Int, Gen.Int[0, 2]);
        gen.Sample((k, n, seed, totalChoice) =>
        {
            int total = new[] { 1 << 12, 1 << 16, 1 << 24 }[totalChoice];
            var symbols = MarkovSequence(k, n, new Random(seed));
            var model = new AdaptiveContextModel(k, total);

            var bits = ArithmeticCoding.Encode(model, symbols);

            Assert.Equal(symbols, ArithmeticCoding.Decode(model, bits, n));
            double crossEntropy = 0, bound = 0;
            var probe = new AdaptiveContextModel(k, total);
            foreach (int s in symbols)
            {
                var table = probe.Cumulative();
                crossEntropy -= Math.Log2(probe.Probability(s));
                bound += Math.Log2((double)total / (total - k)) + RoundingBits(table[s + 1] - table[s], table[^1]);
                probe.Update(s);
            }

            Assert.InRange(bits.BitCount, 0, crossEntropy + 2 + bound + 1e-9);
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void ContextModelCodesLongSequencesAtTheirCrossEntropy()
    {
        // 50 000 symbols of a sticky 8-state chain: the adaptive model learns it, and the code is its cross-entropy
        // to within 2 bits plus the quantisation loss at T = 2^16 (log2(65536 / 65528) ~ 1.8e-4 bits per symbol).
        const int k = 8, n = 50_000, total = 1 << 16;
        var symbols = MarkovSequence(k, n, new Random(2026));
        var model = new AdaptiveContextModel(k, total);
        var bits = ArithmeticCoding.Encode(model, symbols);
        Assert.Equal(symbols, ArithmeticCoding.Decode(model, bits, n));

        model.Reset();
        double crossEntropy = 0;
        foreach (int s in symbols)
        {
            crossEntropy -= Math.Log2(model.Probability(s));
            model.Update(s);
        }

        Assert.InRange(bits.BitCount, 0, crossEntropy + 2 + (n * 2.5e-4));
        Assert.True(bits.BitCount < n * Math.Log2(k) * 0.9, $"{bits.BitCount} bits: the model should beat the uniform code");
    }

    [Fact]
    public void EncodeAndDecodeResetTheModel()
    {
        int[] symbols = [0, 1, 1, 2, 1, 0, 0, 2, 2, 2, 1];
        var model = new AdaptiveContextModel(3, 1 << 16);
        var first = ArithmeticCoding.Encode(model, symbols);
        var second = ArithmeticCoding.Encode(model, symbols); // the model has learnt the first pass; Encode resets it
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(symbols, ArithmeticCoding.Decode(model, first, symbols.Length));
        Assert.Equal(symbols, ArithmeticCoding.Decode(model, second, symbols.Length));
    }

    [Fact]
    public void SpanQuantisationIsTheArrayQuantisation()
    {
        Gen.Double[0, 1].Array[1, 40].Select(Gen.Int[0, 2]).Sample((weights, totalChoice) =>
        {
            double sum = weights.Sum();
            var p = sum == 0 ? weights.Select(_ => 1.0 / weights.Length).ToArray() : weights.Select(w => w / sum).ToArray();
            int total = new[] { 1 << 8, 1 << 16, ArithmeticCoding.MaxTotal }[totalChoice];
            var buffer = new int[p.Length + 1];
            ArithmeticCoding.QuantizeProbabilities(p, total, buffer);
            Assert.Equal(ArithmeticCoding.QuantizeProbabilities(p, total), buffer);
            Assert.Equal(total, buffer[^1]);
            Assert.All(Enumerable.Range(0, p.Length), s => Assert.True(buffer[s + 1] - buffer[s] >= 1));
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void BadModelsAndArgumentsNameTheParameter()
    {
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => new ArithmeticEncoder().Encode(new BrokenModel(), 0)).ParamName);
        Assert.Equal("symbol", Assert.Throws<ArgumentOutOfRangeException>(() => ArithmeticCoding.Encode(FixedSymbolModel.FromFrequencies([1, 1]), [0, 2])).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => ArithmeticCoding.Encode(null!, [0])).ParamName);
        var bits = ArithmeticCoding.Encode(FixedSymbolModel.FromFrequencies([1, 1]), [0, 1]);
        Assert.Equal("symbolCount", Assert.Throws<ArgumentOutOfRangeException>(() => ArithmeticCoding.Decode(FixedSymbolModel.FromFrequencies([1, 1]), bits, -1)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => new ArithmeticDecoder(bits).Decode(new BrokenModel())).ParamName);
        var wrongLength = Assert.Throws<ArgumentException>(() => ArithmeticCoding.QuantizeProbabilities([0.5, 0.5], 16, new int[2]));
        Assert.Equal("cumulative", wrongLength.ParamName);
        Assert.Contains("got length 2", wrongLength.Message, StringComparison.Ordinal);
        Assert.Equal(3, FixedSymbolModel.FromProbabilities([0.5, 0.25, 0.25], 1 << 10).SymbolCount);
    }

    /// <summary>A chain that stays in its state with probability 0.6 and otherwise moves to a state drawn with skewed weights.</summary>
    private static int[] MarkovSequence(int k, int n, Random rng)
    {
        var symbols = new int[n];
        int state = 0;
        for (int i = 0; i < n; i++)
        {
            if (rng.NextDouble() >= 0.6)
            {
                state = (int)(k * rng.NextDouble() * rng.NextDouble());
            }

            symbols[i] = state;
        }

        return symbols;
    }

    /// <summary>
    /// An adaptive order-1 model: p(s | previous) = (c(previous, s) + 1/2) / (c(previous) + K/2) (Krichevsky-Trofimov),
    /// quantised by <see cref="ArithmeticCoding.QuantizeProbabilities(ReadOnlySpan{double}, int, Span{int})"/>.
    /// </summary>
    private sealed class AdaptiveContextModel : ISymbolModel
    {
        private readonly int _symbolCount;
        private readonly int _total;
        private readonly long[,] _counts;
        private readonly double[] _p;
        private readonly int[] _cumulative;
        private int _previous; // k: the start context

        public AdaptiveContextModel(int k, int total)
        {
            _symbolCount = k;
            _total = total;
            _counts = new long[k + 1, k];
            _p = new double[k];
            _cumulative = new int[k + 1];
            _previous = k;
        }

        public void Reset()
        {
            Array.Clear(_counts);
            _previous = _symbolCount;
        }

        public double Probability(int symbol)
        {
            long sum = 0;
            for (int s = 0; s < _symbolCount; s++)
            {
                sum += _counts[_previous, s];
            }

            return (_counts[_previous, symbol] + 0.5) / (sum + (_symbolCount / 2.0));
        }

        public ReadOnlySpan<int> Cumulative()
        {
            for (int s = 0; s < _symbolCount; s++)
            {
                _p[s] = Probability(s);
            }

            ArithmeticCoding.QuantizeProbabilities(_p, _total, _cumulative);
            return _cumulative;
        }

        public void Update(int symbol)
        {
            _counts[_previous, symbol]++;
            _previous = symbol;
        }
    }

    /// <summary>A model whose table does not start at 0.</summary>
    private sealed class BrokenModel : ISymbolModel
    {
        private static readonly int[] Table = [1, 2, 3];

        public void Reset()
        {
        }

        public ReadOnlySpan<int> Cumulative() => Table;

        public void Update(int symbol)
        {
        }
    }
}
