using System.Globalization;
using System.Runtime.Intrinsics;
using Shannon.Bottleneck;
using Shannon.Estimators.InformationPlane;

namespace Shannon.KernelProbe;

/// <summary>
/// The bottleneck kernels on a fixed, seeded input, each on the path that <see cref="VectorMath.Accelerated"/> picks in
/// this process, written one line per kernel and length: the kernel's name, the length, then the results in round-trip
/// ("R") format. Then the KDE upper bound of the information plane (<c>kde-xt</c> and <c>kde-ty</c>: I(X;T) and I(T;Y)
/// in nats) on a few seeded layers, the length being the sample count. The first line names the path and what the
/// runtime reports as accelerated.
/// </summary>
public static class KernelProbe
{
    /// <summary>The lengths (cluster counts) probed: the vector tails of both widths and a few whole blocks.</summary>
    public static IReadOnlyList<int> Lengths { get; } = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 15, 16, 17, 31, 33, 64, 100, 255, 256];

    /// <summary>Writes the path line and one line per kernel and length.</summary>
    /// <param name="writer">Where the lines go.</param>
    public static void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"path {VectorMath.Accelerated} {Vector256.IsHardwareAccelerated} {Vector128.IsHardwareAccelerated}");
        var random = new Random(16);
        foreach (int length in Lengths)
        {
            int rows = 1 + (length % 7), width = 1 + (length % 6), stride = BottleneckKernels.Padded(length) + 8;
            var weights = Signed(random, rows * width);
            var encoder = Signed(random, rows * stride);
            var product = new double[width * stride];
            BottleneckKernels.TransposedProduct(weights, width, encoder, stride, rows, length, product);
            Line(writer, "transposed", length, product);

            var logDecoder = Signed(random, width * stride);
            var logQ = Signed(random, stride);
            var scores = new double[rows * stride];
            BottleneckKernels.Scores(weights, width, logDecoder, logQ, stride, rows, length, scores);
            Line(writer, "scores", length, scores);

            var values = new double[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = (i % 5) switch
                {
                    0 => 0.0,
                    1 => BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000L)),
                    _ => random.NextDouble(),
                };
            }

            var logs = new double[length];
            BottleneckKernels.LogOrLogZero(values, logs);
            Line(writer, "log", length, logs);

            foreach (double alpha in new[] { 1.0, 0.37 })
            {
                var logits = new double[BottleneckKernels.Padded(length)];
                for (int t = 0; t < logits.Length; t++)
                {
                    logits[t] = t % 11 == 3 ? double.NegativeInfinity : -800 * Math.Pow(random.NextDouble(), 2);
                }

                var row = new double[logits.Length];
                var (sum, weighted) = BottleneckKernels.SoftRow(logits, length, 0, alpha, row);
                Line(writer, "softrow-weights", length, row.AsSpan(0, length));
                Line(writer, "softrow-sums", length, [sum, weighted]);
            }

            var decoder = new double[length];
            var accumulator = Signed(random, length);
            for (int t = 0; t < length; t++)
            {
                decoder[t] = t % 4 == 0 ? 0 : random.NextDouble();
            }

            BottleneckKernels.LogOrLogZeroScalar(decoder, logs);
            BottleneckKernels.AddRelevance(decoder, logs, -1.25, accumulator);
            Line(writer, "relevance", length, accumulator);
            Line(writer, "max", length, [VectorMath.Max(Signed(random, length))]);
        }

        WriteKernelDensity(writer);
    }

    /// <summary>The layers of the KDE lines: sample count, units and noise variance (around whole leaves of 32).</summary>
    public static IReadOnlyList<(int Samples, int Units, double NoiseVariance)> KernelDensityLayers { get; } =
        [(1, 2, 1e-3), (31, 1, 1e-2), (33, 4, 1e-3), (300, 3, 1e-3), (1000, 5, 1e-2), (517, 12, 1e-1)];

    /// <summary>Writes the two KDE lines of each layer in <see cref="KernelDensityLayers"/>.</summary>
    private static void WriteKernelDensity(TextWriter writer)
    {
        var random = new Random(1016);
        foreach (var (n, units, noiseVariance) in KernelDensityLayers)
        {
            // Uniform on a cube of side 1.5 r / sqrt(units), r = sqrt(87 * 2 s2) the cutoff radius: typical distances
            // about 0.6 r (kernels near e^-30), the farthest pairs beyond r (skipped).
            double spread = 1.5 * Math.Sqrt(87 * 2 * noiseVariance / units);
            var activity = new double[units * n];
            var labels = new int[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = random.Next(3);
                for (int u = 0; u < units; u++)
                {
                    activity[(u * n) + i] = spread * (random.NextDouble() - 0.5);
                }
            }

            var p = LayerInformation.KernelDensityUpperBound(activity, units, labels, InformationUnit.Nats, noiseVariance);
            Line(writer, "kde-xt", n, [p.MutualInformationXT]);
            Line(writer, "kde-ty", n, [p.MutualInformationTY]);
        }
    }

    private static double[] Signed(Random random, int length)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (random.NextDouble() - 0.5) * Math.Pow(2, (random.NextDouble() * 40) - 20);
        }

        return values;
    }

    private static void Line(TextWriter writer, string kernel, int length, ReadOnlySpan<double> values)
    {
        writer.Write(kernel);
        writer.Write(' ');
        writer.Write(length.ToString(CultureInfo.InvariantCulture));
        foreach (double v in values)
        {
            writer.Write(' ');
            writer.Write(v.ToString("R", CultureInfo.InvariantCulture));
        }

        writer.WriteLine();
    }
}
