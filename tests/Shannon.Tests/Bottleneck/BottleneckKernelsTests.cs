using Shannon.Bottleneck;

namespace Shannon.Tests.Bottleneck;

/// <summary>
/// Every kernel of <see cref="BottleneckKernels"/> and <see cref="VectorMath.Max(ReadOnlySpan{double})"/>, on every path
/// and every length 0..256 (the cluster count), against a scalar reference written here. Inputs are seeded random
/// numbers of both signs and many magnitudes, so that a change in the order of the operations shows in the last bits.
/// </summary>
public class BottleneckKernelsTests
{
    private const int MaxLength = 256;

    /// <summary>u = 2^-53, the unit roundoff of doubles.</summary>
    private const double UnitRoundoff = 1.1102230246251565e-16;

    /// <summary>The paths by name (the enum is internal, a public theory cannot take it).</summary>
    public static TheoryData<string> Paths => [.. Enum.GetNames<VectorPath>()];

    private static int Padded(int count) => (count + 7) / 8 * 8;

    /// <summary>A signed number whose magnitude spans 2^-20 .. 2^20.</summary>
    private static double Signed(Random random) => (random.NextDouble() - 0.5) * Math.Pow(2, (random.NextDouble() * 40) - 20);

    private static double[] Filled(int length, double value)
    {
        var values = new double[length];
        Array.Fill(values, value);
        return values;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void TransposedProductIsTheFusedChainOverTheRows(string pathName)
    {
        var path = Enum.Parse<VectorPath>(pathName);
        var random = new Random(160);
        for (int columns = 0; columns <= MaxLength; columns++)
        {
            // Rows and widths cycle through the four-row blocks and their tails; every other stride has a spare block.
            int rows = 1 + (columns % 7), width = 1 + (columns % 6), stride = Padded(columns) + (8 * (columns % 2));
            var weights = new double[rows * width];
            var encoder = new double[rows * stride];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = Signed(random);
            }

            for (int i = 0; i < encoder.Length; i++)
            {
                encoder[i] = Signed(random);
            }

            var output = Filled(width * stride, double.NaN);
            BottleneckKernels.TransposedProduct(weights, width, encoder, stride, rows, columns, output, path);
            for (int y = 0; y < width; y++)
            {
                for (int t = 0; t < stride; t++)
                {
                    double expected = double.NaN; // past the blocks that cover the columns: untouched
                    if (t < Padded(columns))
                    {
                        expected = 0;
                        for (int i = 0; i < rows; i++)
                        {
                            expected = Math.FusedMultiplyAdd(weights[(i * width) + y], encoder[(i * stride) + t], expected);
                        }
                    }

                    // Exact: each element is the same chain of fused multiply-adds on every path.
                    Assert.Equal(expected, output[(y * stride) + t]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ScoresAreLogQPlusTheFusedChainOverY(string pathName)
    {
        var path = Enum.Parse<VectorPath>(pathName);
        var random = new Random(161);
        for (int columns = 0; columns <= MaxLength; columns++)
        {
            int rows = 1 + (columns % 9), ny = 1 + (columns % 5), stride = Padded(columns) + (8 * (columns % 2));
            var scaled = new double[rows * ny];
            var logDecoder = new double[ny * stride];
            var logQ = new double[stride];
            for (int i = 0; i < scaled.Length; i++)
            {
                scaled[i] = Math.Abs(Signed(random));
            }

            for (int i = 0; i < logDecoder.Length; i++)
            {
                // Mostly logarithms of probabilities, some log 0.
                logDecoder[i] = random.Next(10) == 0 ? BottleneckKernels.LogZero : -Math.Abs(Signed(random));
            }

            for (int i = 0; i < logQ.Length; i++)
            {
                logQ[i] = random.Next(10) == 0 ? double.NegativeInfinity : -Math.Abs(Signed(random));
            }

            var output = Filled(rows * stride, double.NaN);
            BottleneckKernels.Scores(scaled, ny, logDecoder, logQ, stride, rows, columns, output, path);
            for (int i = 0; i < rows; i++)
            {
                for (int t = 0; t < stride; t++)
                {
                    double expected = double.NaN;
                    if (t < Padded(columns))
                    {
                        double sum = 0;
                        for (int y = 0; y < ny; y++)
                        {
                            sum = Math.FusedMultiplyAdd(scaled[(i * ny) + y], logDecoder[(y * stride) + t], sum);
                        }

                        expected = logQ[t] + sum;
                    }

                    // Exact: the same fused chain and one addition on every path.
                    Assert.Equal(expected, output[(i * stride) + t]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void LogOrLogZeroIsTheLogarithmWithinTheVectorLogBound(string pathName)
    {
        var path = Enum.Parse<VectorPath>(pathName);
        var random = new Random(162);
        for (int length = 0; length <= MaxLength; length++)
        {
            var values = new double[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = (i % 6) switch
                {
                    0 => 0.0,
                    1 => -random.NextDouble(),
                    2 => BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000L)), // any positive finite, subnormals included
                    _ => random.NextDouble(),
                };
            }

            var logs = new double[length];
            BottleneckKernels.LogOrLogZero(values, logs, path);
            for (int i = 0; i < length; i++)
            {
                if (values[i] > 0)
                {
                    // The vector logarithm is within 5e-16 relative of Math.Log (the bound VectorMathTests checks over
                    // random bit patterns); the scalar path and the lanes past the last whole vector are Math.Log itself.
                    double expected = Math.Log(values[i]);
                    Assert.Equal(expected, logs[i], Math.Max(Math.Abs(expected), 1e-300) * 5e-16);
                }
                else
                {
                    Assert.Equal(BottleneckKernels.LogZero, logs[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void SoftRowWeightsAndSumsMatchTheReference(string pathName)
    {
        var path = Enum.Parse<VectorPath>(pathName);
        var random = new Random(163);
        foreach (double alpha in new[] { 1.0, 0.37 })
        {
            for (int count = 0; count <= MaxLength; count++)
            {
                int padded = Padded(count);
                var scores = new double[padded];
                for (int t = 0; t < padded; t++)
                {
                    // Logits from 0 down past the cut at -708 (and far past it for alpha < 1), some empty clusters.
                    scores[t] = random.Next(12) == 0 ? double.NegativeInfinity : -800 * Math.Pow(random.NextDouble(), 2);
                }

                double best = double.NegativeInfinity;
                for (int t = 0; t < count; t++)
                {
                    best = Math.Max(best, scores[t]);
                }

                if (!(best > double.NegativeInfinity))
                {
                    best = 0; // the caller never asks for a row without a finite score; any finite best serves here
                }

                var weights = Filled(padded, double.NaN);
                var (sum, weighted) = BottleneckKernels.SoftRow(scores, count, best, alpha, weights, path);
                double expectedSum = 0, expectedWeighted = 0, magnitude = 0, weightedMagnitude = 0;
                for (int t = 0; t < count; t++)
                {
                    double logit = (scores[t] - best) / alpha;
                    double expected = logit > VectorMath.LowestExpArgument ? Math.Exp(logit) : 0;

                    // The vector exponential is within 5e-16 relative of Math.Exp (VectorMathTests); zero stays zero.
                    Assert.Equal(expected, weights[t], expected * 5e-16);
                    double clamped = Math.Max(logit, VectorMath.LowestExpArgument);
                    expectedSum += expected;
                    expectedWeighted += expected * clamped;
                    magnitude += expected;
                    weightedMagnitude += Math.Abs(expected * clamped);
                }

                // Any two summation orders of k terms differ by at most 2 gamma_k sum |term| (Higham 2002, eq. 4.4, with
                // the products' rounding in gamma_(k+1)), plus the weights' own 5e-16 relative each.
                double gamma = (count + 1) * UnitRoundoff / (1 - ((count + 1) * UnitRoundoff));
                Assert.Equal(expectedSum, sum, ((2 * gamma) + 5e-16) * magnitude);
                Assert.Equal(expectedWeighted, weighted, ((2 * gamma) + 5e-16) * weightedMagnitude);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void AddRelevanceIsExact(string pathName)
    {
        var path = Enum.Parse<VectorPath>(pathName);
        var random = new Random(164);
        for (int length = 0; length <= MaxLength; length++)
        {
            var decoder = new double[length];
            var logDecoder = new double[length];
            var accumulator = new double[length];
            for (int t = 0; t < length; t++)
            {
                bool zero = random.Next(8) == 0;
                decoder[t] = zero ? 0 : random.NextDouble();
                logDecoder[t] = zero ? BottleneckKernels.LogZero : Math.Log(decoder[t]);
                accumulator[t] = Signed(random);
            }

            double logPy = -3 * random.NextDouble();
            var expected = (double[])accumulator.Clone();
            for (int t = 0; t < length; t++)
            {
                expected[t] += decoder[t] * (logDecoder[t] - logPy);
            }

            BottleneckKernels.AddRelevance(decoder, logDecoder, logPy, accumulator, path);

            // Exact: a difference, a product and a sum, each rounded once, on every path.
            Assert.Equal(expected, accumulator);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void MaxIsExact(string pathName)
    {
        var path = Enum.Parse<VectorPath>(pathName);
        var random = new Random(165);
        for (int length = 0; length <= MaxLength; length++)
        {
            var values = new double[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = random.Next(9) == 0 ? double.NegativeInfinity : Signed(random);
            }

            double expected = double.NegativeInfinity;
            foreach (double v in values)
            {
                expected = v > expected ? v : expected;
            }

            // Exact: a maximum rounds nothing (no NaN or signed zeros here, where Math.Max and > differ).
            Assert.Equal(expected, VectorMath.Max(values, path));
        }
    }
}
