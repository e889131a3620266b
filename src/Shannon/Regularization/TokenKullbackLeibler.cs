using System.Buffers;

namespace Shannon.Regularization;

/// <summary>
/// The exact per-token KL divergence between a policy and a reference model given by their next-token logits over
/// the same vocabulary, the quantity the KL penalty of RLHF controls (Ziegler et al. 2019, "Fine-tuning language
/// models from human preferences", eq. 2; Ouyang et al. 2022). Forward: D(pi||ref) = sum_x pi(x) (log pi(x) - log ref(x)),
/// the divergence the penalty estimates from samples of the policy; reverse: D(ref||pi).
/// Both distributions are the softmax of their logits (temperature 1); the log-probabilities come from
/// <see cref="Measures.LogSoftmaxRows"/>, so the result is exact in the tails where probabilities underflow.
/// </summary>
public static class TokenKullbackLeibler
{
    /// <summary>
    /// D(pi||ref) for each row of a batch: row t of <paramref name="policyLogits"/> and of
    /// <paramref name="referenceLogits"/> are the logits at token position t. Range [0, +infinity) for finite logits
    /// (a value of order -1e-16 may appear where the rows agree to the last bits). O(rows x columns); two
    /// pooled buffers per call, no allocation per row.
    /// </summary>
    /// <param name="policyLogits">rows x <paramref name="columns"/> finite logits of the policy, row-major.</param>
    /// <param name="referenceLogits">The reference model's logits, the same shape.</param>
    /// <param name="columns">The vocabulary size, &gt;= 1, dividing the lengths.</param>
    /// <param name="unit">The unit of the results.</param>
    /// <param name="destination">Receives one divergence per row.</param>
    public static void FromLogitsRows(ReadOnlySpan<double> policyLogits, ReadOnlySpan<double> referenceLogits, int columns, InformationUnit unit, Span<double> destination) =>
        Rows(policyLogits, referenceLogits, columns, unit, destination, reverse: false);

    /// <summary>
    /// The reverse divergence D(ref||pi) for each row of a batch (same shapes and conventions as
    /// <see cref="FromLogitsRows"/>): the "mass-covering" direction, large where the policy drops tokens the reference
    /// still likes.
    /// </summary>
    /// <param name="policyLogits">rows x <paramref name="columns"/> finite logits of the policy, row-major.</param>
    /// <param name="referenceLogits">The reference model's logits, the same shape.</param>
    /// <param name="columns">The vocabulary size, &gt;= 1, dividing the lengths.</param>
    /// <param name="unit">The unit of the results.</param>
    /// <param name="destination">Receives one divergence per row.</param>
    public static void ReverseFromLogitsRows(ReadOnlySpan<double> policyLogits, ReadOnlySpan<double> referenceLogits, int columns, InformationUnit unit, Span<double> destination) =>
        Rows(policyLogits, referenceLogits, columns, unit, destination, reverse: true);

    /// <summary>D(pi||ref) for one token position.</summary>
    /// <param name="policyLogits">The policy's finite logits, non-empty.</param>
    /// <param name="referenceLogits">The reference's logits, the same length.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>D(pi||ref).</returns>
    public static Information FromLogits(ReadOnlySpan<double> policyLogits, ReadOnlySpan<double> referenceLogits, InformationUnit unit)
    {
        Span<double> one = stackalloc double[1];
        Rows(policyLogits, referenceLogits, policyLogits.Length == 0 ? 1 : policyLogits.Length, unit, one, reverse: false);
        return new Information(one[0], unit);
    }

    /// <summary>sum_x exp(a_x) (a_x - b_x) over log-probability vectors a and b, with 0 log 0 = 0; no validation.</summary>
    internal static double FromLogProbabilitiesNats(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double d = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double p = Math.Exp(a[i]);
            if (p > 0)
            {
                // b_i = -infinity only when its scaled gap overflowed: the divergence is then +infinity.
                d += p * (a[i] - b[i]);
            }
        }

        return d;
    }

    private static void Rows(ReadOnlySpan<double> policyLogits, ReadOnlySpan<double> referenceLogits, int columns, InformationUnit unit, Span<double> destination, bool reverse)
    {
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.Positive(columns, nameof(columns));
        Preconditions.SameLength(referenceLogits.Length, policyLogits.Length, nameof(referenceLogits), nameof(policyLogits));
        Preconditions.NotEmpty(policyLogits, nameof(policyLogits));
        if (policyLogits.Length % columns != 0)
        {
            throw Preconditions.Error(nameof(policyLogits), $"a whole number of rows of {columns} columns", $"length {policyLogits.Length}");
        }

        int rows = policyLogits.Length / columns;
        Preconditions.SameLength(destination.Length, rows, nameof(destination), "the number of rows");
        var pool = ArrayPool<double>.Shared;
        double[] logPolicy = pool.Rent(policyLogits.Length);
        double[] logReference = pool.Rent(policyLogits.Length);
        try
        {
            var lp = logPolicy.AsSpan(0, policyLogits.Length);
            var lr = logReference.AsSpan(0, policyLogits.Length);
            CheckFinite(policyLogits, nameof(policyLogits));
            CheckFinite(referenceLogits, nameof(referenceLogits));
            Measures.LogSoftmaxRows(policyLogits, columns, 1.0, lp);
            Measures.LogSoftmaxRows(referenceLogits, columns, 1.0, lr);
            for (int r = 0; r < rows; r++)
            {
                var a = lp.Slice(r * columns, columns);
                var b = lr.Slice(r * columns, columns);
                double nats = reverse ? FromLogProbabilitiesNats(b, a) : FromLogProbabilitiesNats(a, b);
                destination[r] = InformationUnits.FromNats(nats, unit);
            }
        }
        finally
        {
            pool.Return(logPolicy);
            pool.Return(logReference);
        }
    }

    private static void CheckFinite(ReadOnlySpan<double> logits, string name)
    {
        for (int i = 0; i < logits.Length; i++)
        {
            if (!double.IsFinite(logits[i]))
            {
                throw Preconditions.Error(name, "finite everywhere", $"{Preconditions.Format(logits[i])} at index {i}");
            }
        }
    }
}
