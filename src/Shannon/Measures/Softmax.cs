namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// The softmax of logits / T: p_i = exp(s_i - logsumexp(s)) with s = (z - max z) / T, computed so that no
    /// step overflows for any finite logits (up to +-double.MaxValue) and any finite T &gt; 0 (1e-300 to 1e300):
    /// the difference z_i - max z is formed at half scale. T -&gt; 0 approaches the argmax (tied maxima share the
    /// mass equally); T -&gt; infinity approaches the uniform distribution. O(n), no allocation.
    /// </summary>
    /// <param name="logits">Finite logits, non-empty.</param>
    /// <param name="temperature">T &gt; 0, finite.</param>
    /// <param name="destination">Receives the probabilities; the same length as <paramref name="logits"/> (may be the same memory).</param>
    public static void Softmax(ReadOnlySpan<double> logits, double temperature, Span<double> destination)
    {
        CheckLogits(logits, temperature);
        Preconditions.SameLength(destination.Length, logits.Length, nameof(destination), nameof(logits));
        SoftmaxRow(logits, temperature, destination);
    }

    /// <summary>
    /// log softmax(logits / T): log p_i = s_i - logsumexp(s), exact in the tails where p_i underflows
    /// (-infinity only when the scaled gap itself overflows). O(n), no allocation.
    /// </summary>
    /// <param name="logits">Finite logits, non-empty.</param>
    /// <param name="temperature">T &gt; 0, finite.</param>
    /// <param name="destination">Receives the log-probabilities in nats; same length (may alias).</param>
    public static void LogSoftmax(ReadOnlySpan<double> logits, double temperature, Span<double> destination)
    {
        CheckLogits(logits, temperature);
        Preconditions.SameLength(destination.Length, logits.Length, nameof(destination), nameof(logits));
        LogSoftmaxRow(logits, temperature, destination);
    }

    /// <summary>log sum_i exp(z_i / T), stable (never overflows before the true result does). O(n).</summary>
    /// <param name="logits">Finite logits, non-empty.</param>
    /// <param name="temperature">T &gt; 0, finite.</param>
    /// <returns>The log-sum-exp in nats of the scaled logits; may be +-infinity only when the true value is beyond double range.</returns>
    public static double LogSumExp(ReadOnlySpan<double> logits, double temperature = 1.0)
    {
        CheckLogits(logits, temperature);
        double max = Max(logits);
        double shifted = ShiftedLogSumExp(logits, max, temperature);

        // max / T may overflow while the sum is finite only when the true value is itself out of range.
        return (max / temperature) + shifted;
    }

    /// <summary>
    /// The entropy of softmax(logits / T), H = logsumexp(s) - sum_i p_i s_i, without materialising the
    /// distribution. Non-decreasing in T; 0 at the argmax limit (log of the number of tied maxima), log n at
    /// the uniform limit. O(n), no allocation.
    /// </summary>
    /// <param name="logits">Finite logits, non-empty.</param>
    /// <param name="temperature">T &gt; 0, finite.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>H(softmax(z / T)).</returns>
    public static Information EntropyFromLogits(ReadOnlySpan<double> logits, double temperature, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        CheckLogits(logits, temperature);
        return Information.FromNats(EntropyFromLogitsRow(logits, temperature), unit);
    }

    /// <summary>
    /// Softmax of each row of a row-major logits matrix (e.g. a batch of next-token logits over a 50k vocabulary),
    /// row by row with no allocation.
    /// </summary>
    /// <param name="logits">rows x <paramref name="columns"/> finite logits.</param>
    /// <param name="columns">The row width (vocabulary size), &gt;= 1, dividing the length.</param>
    /// <param name="temperature">T &gt; 0, finite.</param>
    /// <param name="destination">Receives the probabilities; the same length (may alias).</param>
    public static void SoftmaxRows(ReadOnlySpan<double> logits, int columns, double temperature, Span<double> destination)
    {
        int rows = CheckRows(logits, columns, temperature);
        Preconditions.SameLength(destination.Length, logits.Length, nameof(destination), nameof(logits));
        for (int r = 0; r < rows; r++)
        {
            SoftmaxRow(logits.Slice(r * columns, columns), temperature, destination.Slice(r * columns, columns));
        }
    }

    /// <summary>Log-softmax of each row of a row-major logits matrix, with no allocation.</summary>
    /// <param name="logits">rows x <paramref name="columns"/> finite logits.</param>
    /// <param name="columns">The row width, &gt;= 1, dividing the length.</param>
    /// <param name="temperature">T &gt; 0, finite.</param>
    /// <param name="destination">Receives log-probabilities in nats; same length (may alias).</param>
    public static void LogSoftmaxRows(ReadOnlySpan<double> logits, int columns, double temperature, Span<double> destination)
    {
        int rows = CheckRows(logits, columns, temperature);
        Preconditions.SameLength(destination.Length, logits.Length, nameof(destination), nameof(logits));
        for (int r = 0; r < rows; r++)
        {
            LogSoftmaxRow(logits.Slice(r * columns, columns), temperature, destination.Slice(r * columns, columns));
        }
    }

    /// <summary>The entropy of softmax(row / T) for each row of a row-major logits matrix, with no allocation.</summary>
    /// <param name="logits">rows x <paramref name="columns"/> finite logits.</param>
    /// <param name="columns">The row width, &gt;= 1, dividing the length.</param>
    /// <param name="temperature">T &gt; 0, finite.</param>
    /// <param name="unit">The unit of the results.</param>
    /// <param name="destination">Receives one entropy per row.</param>
    public static void EntropyFromLogitsRows(ReadOnlySpan<double> logits, int columns, double temperature, InformationUnit unit, Span<double> destination)
    {
        Preconditions.Unit(unit, nameof(unit));
        int rows = CheckRows(logits, columns, temperature);
        Preconditions.SameLength(destination.Length, rows, nameof(destination), "the number of rows");
        for (int r = 0; r < rows; r++)
        {
            destination[r] = InformationUnits.FromNats(EntropyFromLogitsRow(logits.Slice(r * columns, columns), temperature), unit);
        }
    }

    private static void CheckLogits(ReadOnlySpan<double> logits, double temperature)
    {
        Preconditions.AllFinite(logits, nameof(logits));
        Preconditions.Temperature(temperature);
    }

    private static int CheckRows(ReadOnlySpan<double> logits, int columns, double temperature)
    {
        Preconditions.Positive(columns, nameof(columns));
        Preconditions.AllFinite(logits, nameof(logits));
        Preconditions.Temperature(temperature);
        if (logits.Length % columns != 0)
        {
            throw Preconditions.Error(nameof(logits), $"a whole number of rows of {columns} columns", $"length {logits.Length}");
        }

        return logits.Length / columns;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (v > max)
            {
                max = v;
            }
        }

        return max;
    }

    /// <summary>(z - max) / T, formed at half scale so that z - max cannot overflow; &lt;= 0, possibly -infinity.</summary>
    private static double Scaled(double z, double max, double temperature) =>
        2.0 * (((0.5 * z) - (0.5 * max)) / temperature);

    /// <summary>log sum exp((z_i - max) / T): in [0, log n].</summary>
    private static double ShiftedLogSumExp(ReadOnlySpan<double> logits, double max, double temperature)
    {
        double sum = 0;
        foreach (double z in logits)
        {
            sum += Math.Exp(Scaled(z, max, temperature));
        }

        return Math.Log(sum);
    }

    private static void SoftmaxRow(ReadOnlySpan<double> logits, double temperature, Span<double> destination)
    {
        double max = Max(logits);
        double lse = ShiftedLogSumExp(logits, max, temperature);
        for (int i = 0; i < logits.Length; i++)
        {
            destination[i] = Math.Exp(Scaled(logits[i], max, temperature) - lse);
        }
    }

    private static void LogSoftmaxRow(ReadOnlySpan<double> logits, double temperature, Span<double> destination)
    {
        double max = Max(logits);
        double lse = ShiftedLogSumExp(logits, max, temperature);
        for (int i = 0; i < logits.Length; i++)
        {
            destination[i] = Scaled(logits[i], max, temperature) - lse;
        }
    }

    private static double EntropyFromLogitsRow(ReadOnlySpan<double> logits, double temperature)
    {
        double max = Max(logits);
        double lse = ShiftedLogSumExp(logits, max, temperature);
        double h = 0;
        foreach (double z in logits)
        {
            double logP = Scaled(z, max, temperature) - lse;
            double p = Math.Exp(logP);
            if (p > 0)
            {
                h -= p * logP;
            }
        }

        return h;
    }
}
