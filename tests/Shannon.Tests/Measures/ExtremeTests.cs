using Shannon.Distributions;

namespace Shannon.Tests.ExactMeasures;

/// <summary>Extremes: logits near +-1e308, temperatures from 1e-300 to 1e300, and a 10^7-outcome distribution.</summary>
public class ExtremeTests
{
    [Fact]
    public void HugeLogitsGiveTheRightFiniteSoftmax()
    {
        // softmax([1e308, -1e308, 1e308]) at T = 1: the two maxima share the mass, the minimum gets exactly 0.
        var p = new double[3];
        Shannon.Measures.Softmax([1e308, -1e308, 1e308], 1.0, p);
        Assert.Equal([0.5, 0.0, 0.5], p);

        // The gap 2e308 overflows a double, but at T = 1e308 the scaled gap is finite: p = (1, e^-gap, 1) / (2 + e^-gap).
        Shannon.Measures.Softmax([double.MaxValue, -double.MaxValue, double.MaxValue], 1e308, p);
        // The scaled gap is 2 * double.MaxValue / 1e308 = 2 * 1.7976931348623157 = 3.5953862697246314.
        double e = Math.Exp(-3.5953862697246314);
        Assert.Equal(1 / (2 + e), p[0], 1e-15);
        Assert.Equal(e / (2 + e), p[1], 1e-15);
        Assert.Equal(p[0], p[2]);

        var logp = new double[3];
        Shannon.Measures.LogSoftmax([1e308, -1e308, 0], 1.0, logp);
        Assert.Equal(0.0, logp[0]);
        Assert.Equal(double.NegativeInfinity, logp[1]);
        Assert.Equal(-1e308, logp[2]);
    }

    [Fact]
    public void TinyTemperatureApproachesTheArgmax()
    {
        var p = new double[4];
        Shannon.Measures.Softmax([0.3, 2.0, 1.999999, -5], 1e-300, p);
        Assert.Equal([0.0, 1.0, 0.0, 0.0], p);
        Assert.Equal(0.0, Shannon.Measures.EntropyFromLogits([0.3, 2.0, 1.999999, -5], 1e-300, InformationUnit.Bits).Value);

        // Tied maxima share the mass equally: entropy log2(2) = 1 bit.
        Assert.Equal(1.0, Shannon.Measures.EntropyFromLogits([2.0, 2.0, -1.0], 1e-300, InformationUnit.Bits).Value, 1e-15);
    }

    [Fact]
    public void HugeTemperatureApproachesUniform()
    {
        var p = new double[3];
        Shannon.Measures.Softmax([1e300, -1e300, 0], 1e300 * 1e8, p);
        foreach (var x in p)
        {
            Assert.Equal(1 / 3.0, x, 1e-7);
        }

        Assert.Equal(Math.Log2(5), Shannon.Measures.EntropyFromLogits([1, 2, 3, 4, 5], 1e300, InformationUnit.Bits).Value, 1e-12);
    }

    [Fact]
    public void LogSumExpIsExactForHugeEqualLogits()
    {
        // log(e^1e308 + e^1e308) = 1e308 + ln 2, which rounds to 1e308 in double.
        Assert.Equal(1e308, Shannon.Measures.LogSumExp([1e308, 1e308]));
        Assert.Equal(Math.Log(2) - 1e6, Shannon.Measures.LogSumExp([-1e6, -1e6]), 1e-9);
    }

    [Fact]
    public void TenMillionOutcomesHaveTheUniformEntropy()
    {
        const int n = 10_000_000;
        var p = new double[n];
        Array.Fill(p, 1.0 / n);
        var h = Shannon.Measures.Entropy(p, InformationUnit.Bits).Value;

        // log2(10^7) = 23.253496664211536 (Python: math.log2(1e7)); summing 10^7 equal terms loses at most ~1e-9 relative.
        Assert.Equal(23.253496664211536, h, 1e-7);
        Assert.Equal(0.0, Shannon.Measures.KullbackLeibler(p, p, InformationUnit.Bits).Value);
    }

    [Fact]
    public void BatchedRowsOverAFiftyThousandVocabularyMatchTheSingleRowFunctions()
    {
        const int vocabulary = 50_257, rows = 4;
        var random = new Random(7);
        var logits = new double[vocabulary * rows];
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] = (random.NextDouble() - 0.5) * 40;
        }

        var entropies = new double[rows];
        Shannon.Measures.EntropyFromLogitsRows(logits, vocabulary, 0.8, InformationUnit.Nats, entropies);
        var probabilities = new double[logits.Length];
        Shannon.Measures.SoftmaxRows(logits, vocabulary, 0.8, probabilities);
        for (int r = 0; r < rows; r++)
        {
            var row = logits.AsSpan(r * vocabulary, vocabulary);
            Assert.Equal(Shannon.Measures.EntropyFromLogits(row, 0.8, InformationUnit.Nats).Value, entropies[r], 1e-12);
            Assert.Equal(1.0, probabilities.AsSpan(r * vocabulary, vocabulary).ToArray().Sum(), 1e-12);
        }

        // In place (destination aliasing the input) gives the same probabilities.
        var inPlace = (double[])logits.Clone();
        Shannon.Measures.SoftmaxRows(inPlace, vocabulary, 0.8, inPlace);
        Assert.Equal(probabilities, inPlace);
    }

    [Fact]
    public void BatchedEntropyDoesNotAllocatePerRow()
    {
        const int vocabulary = 50_000, rows = 16;
        var logits = new double[vocabulary * rows];
        var entropies = new double[rows];
        Shannon.Measures.EntropyFromLogitsRows(logits, vocabulary, 1.0, InformationUnit.Nats, entropies); // warm up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        Shannon.Measures.EntropyFromLogitsRows(logits, vocabulary, 1.0, InformationUnit.Nats, entropies);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(Math.Log(vocabulary), entropies[0], 1e-9);
    }

    [Fact]
    public void KullbackLeiblerIsInfiniteWhenQMissesPsSupport()
    {
        Assert.Equal(double.PositiveInfinity, Shannon.Measures.KullbackLeibler([0.5, 0.5], [1, 0], InformationUnit.Bits).Value);
        Assert.Equal(double.PositiveInfinity, Shannon.Measures.CrossEntropy([0.5, 0.5], [1, 0], InformationUnit.Bits).Value);

        // The other way round it is finite: P puts no mass where Q does not.
        Assert.Equal(1.0, Shannon.Measures.KullbackLeibler([1, 0], [0.5, 0.5], InformationUnit.Bits).Value, 1e-15);
        Assert.Equal(1.0, Shannon.Measures.JensenShannon([1, 0], [0, 1], InformationUnit.Bits).Value, 1e-15);
    }

    [Fact]
    public void CategoricalFromLogitsIsTheSoftmax()
    {
        var c = Categorical.FromLogits([0, Math.Log(3)], 1.0);
        Assert.Equal(0.25, c[0], 1e-15);
        Assert.Equal(0.75, c[1], 1e-15);
    }
}
