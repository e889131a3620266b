using System.Globalization;

namespace Shannon.Estimators.Discrete;

/// <summary>Options of <see cref="NsbEntropyEstimator"/>.</summary>
public sealed record NsbEntropyOptions
{
    /// <summary>The defaults: 4001 quadrature nodes.</summary>
    public static NsbEntropyOptions Default { get; } = new();

    /// <summary>
    /// Trapezoid nodes over the window of ln(beta) that holds the posterior (where it is within e^-60 of its maximum).
    /// The integrand is smooth and decays at both ends, so the trapezoid rule converges geometrically; 4001 nodes put
    /// about 100 nodes in one posterior standard deviation. Must be at least 101.
    /// </summary>
    public int QuadratureNodes { get; init; } = 4001;
}

/// <summary>
/// The Nemenman-Shafee-Bialek estimator (Nemenman, Shafee &amp; Bialek 2002, "Entropy and inference, revisited",
/// NIPS 14; arXiv:physics/0108025): the posterior mean of H under a mixture of symmetric Dirichlet(beta) priors whose
/// mixing density makes the prior expected entropy xi(beta) = psi(K beta + 1) - psi(beta + 1) uniform on [0, ln K].
/// With kappa = N + K beta and a_i = n_i + beta, the posterior over beta is proportional to
/// xi'(beta) Gamma(K beta)/Gamma(N + K beta) prod_i Gamma(a_i)/Gamma(beta), E[H | n, beta] =
/// psi(kappa + 1) - sum_i (a_i/kappa) psi(a_i + 1) (their eq. 10), and E[H^2 | n, beta] is Wolpert &amp; Wolf's (1995)
/// second moment. Both are integrated numerically over t = ln beta (trapezoid rule, see
/// <see cref="NsbEntropyOptions.QuadratureNodes"/>). K includes the empty bins and matters. The posterior standard
/// deviation is reported as the diagnostic <c>posterior_std</c> (in the result's unit). Small bias when
/// K is known and N is of order sqrt(K) or more; the prior is not a good model of very heavy-tailed (Zipf) data.
/// O(D * nodes) for D distinct count values.
/// </summary>
public sealed class NsbEntropyEstimator : IEntropyEstimator
{
    private const double WindowDrop = 60;

    /// <summary>Creates the estimator.</summary>
    /// <param name="options">The options (null: <see cref="NsbEntropyOptions.Default"/>).</param>
    public NsbEntropyEstimator(NsbEntropyOptions? options = null)
    {
        Options = options ?? NsbEntropyOptions.Default;
        if (Options.QuadratureNodes < 101)
        {
            throw Preconditions.OutOfRange("QuadratureNodes", ">= 101", Options.QuadratureNodes.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The options.</summary>
    public NsbEntropyOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "nsb";

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, InformationUnit unit) => Estimate(counts, counts.Length, unit);

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, long alphabetSize, InformationUnit unit)
    {
        var s = CountSummary.Validate(counts, alphabetSize, unit);
        if (s.AlphabetSize == 1)
        {
            return Result(0, 0, s, unit);
        }

        // Group the counts by value: (value, multiplicity), zeros included (unlisted bins are zeros).
        var groups = new SortedDictionary<long, double>();
        foreach (long c in counts)
        {
            groups[c] = groups.GetValueOrDefault(c) + 1;
        }

        long unlisted = s.AlphabetSize - counts.Length;
        if (unlisted > 0)
        {
            groups[0] = groups.GetValueOrDefault(0) + unlisted;
        }

        var model = new Posterior([.. groups.Keys], [.. groups.Values], s.Total, s.AlphabetSize);

        // Coarse scan of the log posterior over t = ln beta in [-30, 30], then a fine trapezoid over the window
        // where it is within e^-60 of its maximum.
        const double lo = -30, hi = 30, step = 0.1;
        int coarse = (int)Math.Round((hi - lo) / step) + 1;
        var logW = new double[coarse];
        double max = double.NegativeInfinity;
        for (int i = 0; i < coarse; i++)
        {
            logW[i] = model.LogWeight(lo + i * step);
            max = Math.Max(max, logW[i]);
        }

        int first = 0, last = coarse - 1;
        while (first < coarse - 1 && logW[first] < max - WindowDrop)
        {
            first++;
        }

        while (last > 0 && logW[last] < max - WindowDrop)
        {
            last--;
        }

        double a = lo + Math.Max(first - 1, 0) * step;
        double b = lo + Math.Min(last + 1, coarse - 1) * step;
        int nodes = Options.QuadratureNodes;
        double h = (b - a) / (nodes - 1);
        var lw = new double[nodes];
        double fineMax = double.NegativeInfinity;
        for (int i = 0; i < nodes; i++)
        {
            lw[i] = model.LogWeight(a + i * h);
            fineMax = Math.Max(fineMax, lw[i]);
        }

        double z = 0, m1 = 0, m2 = 0;
        for (int i = 0; i < nodes; i++)
        {
            double w = Math.Exp(lw[i] - fineMax) * (i == 0 || i == nodes - 1 ? 0.5 : 1);
            if (w == 0)
            {
                continue;
            }

            var (e1, e2) = model.Moments(Math.Exp(a + i * h));
            z += w;
            m1 += w * e1;
            m2 += w * e2;
        }

        double mean = m1 / z;
        double variance = Math.Max(m2 / z - mean * mean, 0);
        return Result(mean, Math.Sqrt(variance), s, unit);
    }

    private InformationEstimate Result(double mean, double std, CountSummary s, InformationUnit unit)
    {
        var warnings = new List<string>();
        if (s.Occupied == s.Total && s.Total > 1)
        {
            warnings.Add("No coincidences (every sample in its own bin): the NSB posterior is dominated by the prior and K matters.");
        }

        return EstimateBuilder.Entropy(Name, mean, unit, s,
            InformationEstimate.MakeDiagnostics(("posterior_std", InformationUnits.FromNats(std, unit)), ("alphabet_size", s.AlphabetSize), ("occupied_bins", s.Occupied)),
            warnings);
    }

    /// <summary>The NSB posterior over beta for grouped counts.</summary>
    private sealed class Posterior(long[] values, double[] multiplicities, long total, long alphabetSize)
    {
        private readonly double _k = alphabetSize;

        /// <summary>ln of the posterior density of t = ln beta (up to a constant): ln(beta xi'(beta)) + ln likelihood.</summary>
        public double LogWeight(double t)
        {
            double beta = Math.Exp(t);
            double kb = _k * beta;
            double logLikelihood = -Digamma.LogRisingFactorial(kb, total);
            for (int g = 0; g < values.Length; g++)
            {
                if (values[g] > 0)
                {
                    logLikelihood += multiplicities[g] * Digamma.LogRisingFactorial(beta, values[g]);
                }
            }

            return t + Math.Log(PriorDensity(beta)) + logLikelihood;
        }

        /// <summary>xi'(beta) = K psi1(K beta + 1) - psi1(beta + 1), by its asymptotic series for large beta.</summary>
        private double PriorDensity(double beta)
        {
            if (beta > 1e3)
            {
                double k = _k;
                double ib = 1 / beta;
                double ib2 = ib * ib;

                // K psi1(K b + 1) - psi1(b + 1) = (1 - 1/K)/(2 b^2) - (1 - 1/K^2)/(6 b^3) + (1 - 1/K^4)/(30 b^5) + O(b^-7).
                return ib2 * ((1 - 1 / k) / 2 - ib * (1 - 1 / (k * k)) / 6 + ib2 * ib * (1 - 1 / (k * k * k * k)) / 30);
            }

            return _k * Digamma.Trigamma(_k * beta + 1) - Digamma.Trigamma(beta + 1);
        }

        /// <summary>E[H | n, beta] and E[H^2 | n, beta] in nats.</summary>
        public (double First, double Second) Moments(double beta)
        {
            double kappa = total + _k * beta;
            double psiK1 = Digamma.Of(kappa + 1);
            double psiK2 = Digamma.Of(kappa + 2);
            double triK2 = Digamma.Trigamma(kappa + 2);
            double first = psiK1;
            double sumB = 0, sumB2 = 0, sumA2 = 0, diagonal = 0;
            for (int g = 0; g < values.Length; g++)
            {
                double m = multiplicities[g];
                double ai = values[g] + beta;
                first -= m * ai / kappa * Digamma.Of(ai + 1);
                double bi = ai * (Digamma.Of(ai + 1) - psiK2);
                sumB += m * bi;
                sumB2 += m * bi * bi;
                sumA2 += m * ai * ai;
                double d = Digamma.Of(ai + 2) - psiK2;
                diagonal += m * ai * (ai + 1) * (d * d + Digamma.Trigamma(ai + 2) - triK2);
            }

            // sum over i != k of a_i a_k [(psi(a_i+1) - psi(kappa+2))(psi(a_k+1) - psi(kappa+2)) - psi1(kappa+2)].
            double offDiagonal = sumB * sumB - sumB2 - triK2 * (kappa * kappa - sumA2);
            double second = (offDiagonal + diagonal) / (kappa * (kappa + 1));
            return (first, second);
        }
    }
}
