namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Cross-entropy H(P, Q) = -sum_i p_i log q_i = H(P) + D(P||Q): the mean code length of P's outcomes under
    /// a code built for Q (the language-model loss). Range [H(P), +infinity]; +infinity when some q_i = 0 &lt; p_i;
    /// terms with p_i = 0 contribute 0. O(n). Cover &amp; Thomas (2006), problem 2.9 / eq. 5.64.
    /// </summary>
    /// <param name="p">The true distribution P.</param>
    /// <param name="q">The model distribution Q, of the same length.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>H(P, Q).</returns>
    public static Information CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit)
    {
        CheckPair(p, q, unit);
        var h = default(CompensatedSum);
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                if (q[i] == 0)
                {
                    return Information.FromNats(double.PositiveInfinity, unit);
                }

                h.Add(-p[i] * Math.Log(q[i]));
            }
        }

        return Information.FromNats(h.Value, unit);
    }

    /// <summary>Local cross-entropy: -log q_i for each outcome, weighted by p_i; the mean is H(P, Q).</summary>
    /// <param name="p">The true distribution P.</param>
    /// <param name="q">The model distribution Q.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values.</returns>
    public static LocalInformation LocalCrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit)
    {
        CheckPair(p, q, unit);
        var values = new double[p.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = q[i] > 0 ? -Math.Log(q[i]) : double.PositiveInfinity;
        }

        return new LocalInformation(values, p.ToArray(), unit);
    }

    private static void CheckPair(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.Probabilities(p, nameof(p));
        Preconditions.Probabilities(q, nameof(q));
        Preconditions.SameLength(q.Length, p.Length, nameof(q), nameof(p));
    }
}
