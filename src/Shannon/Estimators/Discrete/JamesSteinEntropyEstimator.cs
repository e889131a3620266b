using System.Globalization;

namespace Shannon.Estimators.Discrete;

/// <summary>Options of <see cref="JamesSteinEntropyEstimator"/>.</summary>
public sealed record JamesSteinEntropyOptions
{
    /// <summary>The defaults: the shrinkage intensity is estimated from the data (Hausser &amp; Strimmer 2009, eq. 5).</summary>
    public static JamesSteinEntropyOptions Default { get; } = new();

    /// <summary>A fixed shrinkage intensity lambda in [0, 1], or null (the default) to estimate it.</summary>
    public double? ShrinkageIntensity { get; init; }
}

/// <summary>
/// The James-Stein shrinkage estimator (Hausser &amp; Strimmer 2009, JMLR 10:1469): plug-in entropy of
/// p_shrink = lambda/K + (1 - lambda) n_i/N, shrinking the frequencies towards the uniform target 1/K with the
/// intensity lambda = sum(1 - sum u_i^2) / ((N - 1) sum (1/K - u_i)^2) (their eq. 5 with u_i = n_i/N), clipped to
/// [0, 1], and lambda = 1 when N &lt;= 1 or the frequencies equal the target. K includes the empty bins, as in R's
/// <c>entropy.shrink</c> and <c>freqs.shrink</c>, which this follows exactly. Low mean squared error when undersampled;
/// biased towards log K. The intensity is reported as the diagnostic <c>lambda</c>. O(K) (empty bins in O(1)).
/// </summary>
public sealed class JamesSteinEntropyEstimator : IEntropyEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="options">The options (null: <see cref="JamesSteinEntropyOptions.Default"/>).</param>
    public JamesSteinEntropyEstimator(JamesSteinEntropyOptions? options = null)
    {
        Options = options ?? JamesSteinEntropyOptions.Default;
        if (Options.ShrinkageIntensity is double l)
        {
            Preconditions.InRange(l, 0, 1, "ShrinkageIntensity");
        }
    }

    /// <summary>The options.</summary>
    public JamesSteinEntropyOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "james-stein";

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, InformationUnit unit) => Estimate(counts, counts.Length, unit);

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, long alphabetSize, InformationUnit unit)
    {
        var s = CountSummary.Validate(counts, alphabetSize, unit);
        double n = s.Total;
        double k = s.AlphabetSize;
        double target = 1.0 / k;
        long emptyBins = s.AlphabetSize - counts.Length; // bins not listed at all
        long zerosListed = 0;
        double lambda;
        if (Options.ShrinkageIntensity is double fixedLambda)
        {
            lambda = fixedLambda;
        }
        else if (s.Total <= 1)
        {
            lambda = 1;
        }
        else
        {
            double varSum = 0, msp = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                double u = counts[i] / n;
                varSum += u * (1 - u) / (n - 1);
                msp += (u - target) * (u - target);
                if (counts[i] == 0)
                {
                    zerosListed++;
                }
            }

            msp += emptyBins * target * target;
            lambda = msp == 0 ? 1 : Math.Clamp(varSum / msp, 0, 1);
        }

        double h = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            double p = lambda * target + (1 - lambda) * (counts[i] / n);
            if (p > 0)
            {
                h -= p * Math.Log(p);
            }
        }

        if (emptyBins > 0 && lambda > 0)
        {
            double p0 = lambda * target;
            h -= emptyBins * p0 * Math.Log(p0);
        }

        return EstimateBuilder.Entropy(Name, h, unit, s,
            InformationEstimate.MakeDiagnostics(("lambda", lambda), ("alphabet_size", s.AlphabetSize), ("occupied_bins", s.Occupied)),
            lambda >= 1 && s.Total > 1 && Options.ShrinkageIntensity is null
                ? [string.Create(CultureInfo.InvariantCulture, $"Shrinkage intensity lambda = 1: the estimate is log K = log {s.AlphabetSize}, whatever the counts.")]
                : null);
    }
}
