using System.Numerics.Tensors;

namespace Shannon.Lab.Language;

/// <summary>The fitted probe and how the fit went.</summary>
/// <param name="Weights">Classes x (dimensions + 1) weights, row-major; the last column is the bias.</param>
/// <param name="Classes">The number of classes.</param>
/// <param name="Dimensions">The feature dimension.</param>
/// <param name="TrainingCrossEntropyBits">The final training cross-entropy, bits per example (without the penalty).</param>
/// <param name="Iterations">Gradient steps taken.</param>
/// <param name="Converged">Whether the gradient norm fell below the tolerance.</param>
public sealed record SoftmaxProbeFit(double[] Weights, int Classes, int Dimensions, double TrainingCrossEntropyBits, int Iterations, bool Converged)
{
    /// <summary>p(class | x).</summary>
    /// <param name="features">x.</param>
    /// <param name="probabilities">Receives the class probabilities.</param>
    public void Predict(ReadOnlySpan<double> features, Span<double> probabilities) => SoftmaxProbe.Forward(Weights, Classes, Dimensions, features, probabilities);

    /// <summary>The cross-entropy of labelled examples under the probe, bits per example.</summary>
    /// <param name="features">Row-major examples x dimensions.</param>
    /// <param name="classCounts">Row-major examples x classes counts (how often each example carries each class).</param>
    /// <returns>Bits per counted example.</returns>
    public double CrossEntropyBits(double[] features, long[] classCounts)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(classCounts);
        var p = new double[Classes];
        double sum = 0;
        long n = 0;
        int examples = features.Length / Dimensions;
        for (int e = 0; e < examples; e++)
        {
            Predict(features.AsSpan(e * Dimensions, Dimensions), p);
            for (int c = 0; c < Classes; c++)
            {
                long k = classCounts[(e * Classes) + c];
                if (k > 0)
                {
                    sum -= k * Math.Log2(p[c]);
                    n += k;
                }
            }
        }

        return sum / n;
    }
}

/// <summary>
/// A linear probe: multinomial logistic (softmax) regression with hand-written gradients, fitted by full-batch Adam
/// (Kingma &amp; Ba 2015; step 0.05, betas 0.9 and 0.999) on examples that carry class counts (so a word type seen 500
/// times as a noun and 3 times as a verb is one example), with an L2 penalty lambda/2 ||W||^2 on the weights (not the
/// bias). Deterministic: zero initial weights, no sampling.
/// </summary>
public static class SoftmaxProbe
{
    /// <summary>Fits the probe.</summary>
    /// <param name="features">Row-major examples x dimensions.</param>
    /// <param name="classCounts">Row-major examples x classes counts.</param>
    /// <param name="dimensions">The feature dimension.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="l2">lambda &gt;= 0.</param>
    /// <param name="maxIterations">The most gradient steps.</param>
    /// <param name="tolerance">Stop when the gradient's Euclidean norm falls below this.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    public static SoftmaxProbeFit Fit(double[] features, long[] classCounts, int dimensions, int classes, double l2 = 1e-4, int maxIterations = 400, double tolerance = 1e-5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(classCounts);
        if (dimensions < 1 || classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), $"`dimensions` must be >= 1 and `classes` >= 2; got {dimensions} and {classes}.");
        }

        if (features.Length % dimensions != 0 || classCounts.Length != features.Length / dimensions * classes)
        {
            throw new ArgumentException($"`features` ({features.Length}) and `classCounts` ({classCounts.Length}) must describe the same number of examples.", nameof(classCounts));
        }

        int stride = dimensions + 1;
        var w = new double[classes * stride];
        var m = new double[w.Length];
        var v = new double[w.Length];
        const double rate = 0.05, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        int iteration = 0;
        bool converged = false;
        double loss = 0;
        while (iteration < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (grad, ce) = Gradient(w, features, classCounts, dimensions, classes, l2);
            loss = ce;
            double norm = Math.Sqrt(grad.Sum(g => g * g));
            if (norm < tolerance)
            {
                converged = true;
                break;
            }

            iteration++;
            double c1 = 1 - Math.Pow(beta1, iteration), c2 = 1 - Math.Pow(beta2, iteration);
            for (int i = 0; i < w.Length; i++)
            {
                m[i] = (beta1 * m[i]) + ((1 - beta1) * grad[i]);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * grad[i] * grad[i]);
                w[i] -= rate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + eps);
            }
        }

        if (!converged)
        {
            loss = Gradient(w, features, classCounts, dimensions, classes, l2).CrossEntropyNats;
        }

        return new SoftmaxProbeFit(w, classes, dimensions, loss / Math.Log(2), iteration, converged);
    }

    /// <summary>The gradient of the mean cross-entropy (nats) plus the penalty, and the mean cross-entropy itself.</summary>
    internal static (double[] Gradient, double CrossEntropyNats) Gradient(double[] w, double[] features, long[] classCounts, int dimensions, int classes, double l2)
    {
        int stride = dimensions + 1;
        int examples = features.Length / dimensions;
        var grad = new double[w.Length];
        var p = new double[classes];
        double loss = 0;
        long total = 0;
        for (int e = 0; e < examples; e++)
        {
            long n = 0;
            for (int c = 0; c < classes; c++)
            {
                n += classCounts[(e * classes) + c];
            }

            if (n == 0)
            {
                continue;
            }

            var x = features.AsSpan(e * dimensions, dimensions);
            Forward(w, classes, dimensions, x, p);
            for (int c = 0; c < classes; c++)
            {
                long k = classCounts[(e * classes) + c];
                if (k > 0)
                {
                    loss -= k * Math.Log(p[c]);
                }

                double r = (n * p[c]) - k; // d(sum_k -k log p) / d logit_c
                var row = grad.AsSpan(c * stride, dimensions);
                TensorPrimitives.MultiplyAdd(x, r, row, row);
                grad[(c * stride) + dimensions] += r;
            }

            total += n;
        }

        for (int i = 0; i < grad.Length; i++)
        {
            grad[i] /= total;
            if (i % stride != dimensions)
            {
                grad[i] += l2 * w[i];
            }
        }

        return (grad, loss / total);
    }

    /// <summary>Softmax of W [x; 1] with max subtraction.</summary>
    internal static void Forward(double[] w, int classes, int dimensions, ReadOnlySpan<double> x, Span<double> p)
    {
        int stride = dimensions + 1;
        double max = double.NegativeInfinity;
        for (int c = 0; c < classes; c++)
        {
            double z = w[(c * stride) + dimensions] + TensorPrimitives.Dot(w.AsSpan(c * stride, dimensions), x);

            p[c] = z;
            max = Math.Max(max, z);
        }

        double sum = 0;
        for (int c = 0; c < classes; c++)
        {
            p[c] = Math.Exp(p[c] - max);
            sum += p[c];
        }

        for (int c = 0; c < classes; c++)
        {
            p[c] /= sum;
        }
    }
}
