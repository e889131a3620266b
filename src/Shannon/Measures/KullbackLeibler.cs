namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Kullback-Leibler divergence D(P||Q) = sum_i p_i log(p_i / q_i) (the forward KL: "mass-covering" when
    /// fitted over Q). Range [0, +infinity]; 0 iff P = Q; +infinity when some q_i = 0 &lt; p_i; terms with
    /// p_i = 0 contribute 0. Not symmetric. O(n). Cover &amp; Thomas (2006), eq. 2.26.
    /// </summary>
    /// <param name="p">P, a probability vector.</param>
    /// <param name="q">Q, a probability vector of the same length.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>D(P||Q).</returns>
    public static Information KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit)
    {
        CheckPair(p, q, unit);
        return Information.FromNats(KullbackLeiblerNats(p, q), unit);
    }

    /// <summary>
    /// The reverse KL divergence D(Q||P) for the same argument order as <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// ("mode-seeking" when fitted over Q). Range [0, +infinity].
    /// </summary>
    /// <param name="p">P, a probability vector.</param>
    /// <param name="q">Q, a probability vector of the same length.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>D(Q||P).</returns>
    public static Information ReverseKullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit)
    {
        CheckPair(p, q, unit);
        return Information.FromNats(KullbackLeiblerNats(q, p), unit);
    }

    /// <summary>Local KL: log(p_i / q_i) for each outcome, weighted by p_i; the mean is D(P||Q).</summary>
    /// <param name="p">P.</param>
    /// <param name="q">Q.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values (+infinity where q_i = 0 &lt; p_i; -infinity where p_i = 0 &lt; q_i; NaN where both are 0).</returns>
    public static LocalInformation LocalKullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit)
    {
        CheckPair(p, q, unit);
        var values = new double[p.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = LogRatio(p[i], q[i]);
        }

        return new LocalInformation(values, p.ToArray(), unit);
    }

    internal static double KullbackLeiblerNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var d = default(CompensatedSum);
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i];
            if (pi > 0)
            {
                double qi = q[i];
                if (qi == 0)
                {
                    return double.PositiveInfinity;
                }

                d.Add(pi * LogRatio(pi, qi));
            }
        }

        // Returned as computed: when P and Q agree to the last bits, rounding may leave a value of order -1e-16.
        return d.Value;
    }

    /// <summary>log(a / b) with the limits log(0/b) = -inf, log(a/0) = +inf, log(0/0) = NaN.</summary>
    internal static double LogRatio(double a, double b)
    {
        if (a > 0 && b > 0)
        {
            // a / b overflows or underflows when one of them is subnormal or tiny (0.5 / 5e-324): a positive
            // probability all the same, so the log ratio is the difference of the logs, which is finite.
            double ratio = a / b;
            return double.IsNormal(ratio) ? Math.Log(ratio) : Math.Log(a) - Math.Log(b);
        }

        if (a > 0)
        {
            return double.PositiveInfinity;
        }

        return b > 0 ? double.NegativeInfinity : double.NaN;
    }
}
