namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Jensen-Shannon divergence with equal weights: JS(P, Q) = H(M) - (H(P) + H(Q)) / 2 with M = (P + Q) / 2,
    /// i.e. (D(P||M) + D(Q||M)) / 2. Symmetric, always finite, range [0, 1 bit]. O(n). Lin (1991), eq. 4.1.
    /// </summary>
    /// <param name="p">P.</param>
    /// <param name="q">Q, same length.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>JS(P, Q).</returns>
    public static Information JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit) =>
        JensenShannon(p, q, 0.5, unit);

    /// <summary>
    /// The weighted Jensen-Shannon divergence JS_pi(P, Q) = H(pi P + (1 - pi) Q) - pi H(P) - (1 - pi) H(Q).
    /// Range [0, h(pi)] where h is the binary entropy. Lin (1991), eq. 5.1.
    /// </summary>
    /// <param name="p">P.</param>
    /// <param name="q">Q, same length.</param>
    /// <param name="weightOfP">pi in [0, 1], the weight of P (1/2 gives the symmetric divergence).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>JS_pi(P, Q).</returns>
    public static Information JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double weightOfP, InformationUnit unit)
    {
        CheckPair(p, q, unit);
        Preconditions.InRange(weightOfP, 0, 1, nameof(weightOfP));
        return Information.FromNats(JensenShannonNats(p, q, weightOfP), unit);
    }

    /// <summary>
    /// The generalised Jensen-Shannon divergence of several distributions with weights:
    /// H(sum_k w_k P_k) - sum_k w_k H(P_k). Lin (1991), eq. 5.1.
    /// </summary>
    /// <param name="distributions">Two or more probability vectors of equal length.</param>
    /// <param name="weights">Weights, one per distribution, a probability vector.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The divergence.</returns>
    public static Information JensenShannon(IReadOnlyList<double[]> distributions, ReadOnlySpan<double> weights, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.Probabilities(weights, nameof(weights));
        Preconditions.SameLength(weights.Length, distributions.Count, nameof(weights), nameof(distributions));
        int n = distributions[0]?.Length ?? 0;
        var mixture = new double[n];
        double within = 0;
        for (int k = 0; k < distributions.Count; k++)
        {
            var d = distributions[k];
            Preconditions.Probabilities(d, $"distributions[{k}]");
            Preconditions.SameLength(d.Length, n, $"distributions[{k}]", "distributions[0]");
            for (int i = 0; i < n; i++)
            {
                mixture[i] += weights[k] * d[i];
            }

            within += weights[k] * EntropyNats(d);
        }

        return Information.FromNats(EntropyNats(mixture) - within, unit);
    }

    /// <summary>
    /// The Jensen-Shannon distance sqrt(JS(P, Q)) in the given unit's logarithm (scipy.spatial.distance.jensenshannon
    /// with base 2 for bits, e for nats): a metric, range [0, 1] in bits.
    /// </summary>
    /// <param name="p">P.</param>
    /// <param name="q">Q, same length.</param>
    /// <param name="unit">The logarithm base: the distance is the square root of JS in this unit.</param>
    /// <returns>The distance (a plain number, not an amount of information).</returns>
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit)
    {
        var js = JensenShannon(p, q, unit).Value;

        // The divergence is >= 0 mathematically; a rounding residue of order -1e-17 is reported as distance 0
        // only when it is that small, otherwise the negative value would surface as NaN.
        return js < 0 && js > -1e-15 ? 0 : Math.Sqrt(js);
    }

    /// <summary>
    /// Local JS with equal weights: for each outcome, [p_i log(p_i/m_i) + q_i log(q_i/m_i)] / (2 m_i), weighted by
    /// the mixture m_i = (p_i + q_i) / 2; the mean is JS(P, Q).
    /// </summary>
    /// <param name="p">P.</param>
    /// <param name="q">Q, same length.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values (NaN where m_i = 0).</returns>
    public static LocalInformation LocalJensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit)
    {
        CheckPair(p, q, unit);
        var values = new double[p.Length];
        var weights = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double m = 0.5 * (p[i] + q[i]);
            weights[i] = m;
            if (m == 0)
            {
                values[i] = double.NaN;
                continue;
            }

            double c = 0;
            if (p[i] > 0)
            {
                c += 0.5 * p[i] * LogRatio(p[i], m);
            }

            if (q[i] > 0)
            {
                c += 0.5 * q[i] * LogRatio(q[i], m);
            }

            values[i] = c / m;
        }

        return new LocalInformation(values, weights, unit);
    }

    internal static double JensenShannonNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double w)
    {
        // Sum of w p log(p/m) + (1-w) q log(q/m): each term >= 0 by the log-sum inequality, so no cancellation
        // of large entropies.
        var js = default(CompensatedSum);
        for (int i = 0; i < p.Length; i++)
        {
            double m = (w * p[i]) + ((1 - w) * q[i]);
            if (m == 0)
            {
                continue;
            }

            if (p[i] > 0 && w > 0)
            {
                js.Add(w * p[i] * LogRatio(p[i], m));
            }

            if (q[i] > 0 && w < 1)
            {
                js.Add((1 - w) * q[i] * LogRatio(q[i], m));
            }
        }

        return js.Value;
    }
}
