using System.Globalization;

namespace Shannon.Estimators.Discrete;

/// <summary>The prior of a <see cref="DirichletEntropyEstimator"/>: the pseudocount a added to every bin, empty ones included.</summary>
public enum DirichletPrior
{
    /// <summary>Jeffreys (1946): a = 1/2. CLI name "jeffreys".</summary>
    Jeffreys = 1,

    /// <summary>Laplace / Bayes: a = 1. CLI name "laplace".</summary>
    Laplace = 2,

    /// <summary>Perks (1947), Schurmann-Grassberger (1996) "SG": a = 1/K. CLI name "perks".</summary>
    Perks = 3,

    /// <summary>Trybula's minimax prior: a = sqrt(N)/K. CLI name "minimax".</summary>
    Minimax = 4,

    /// <summary>A pseudocount given in <see cref="DirichletEntropyOptions.Concentration"/>.</summary>
    Custom = 5,
}

/// <summary>Options of <see cref="DirichletEntropyEstimator"/>.</summary>
public sealed record DirichletEntropyOptions
{
    /// <summary>The defaults: the Jeffreys prior a = 1/2.</summary>
    public static DirichletEntropyOptions Default { get; } = new();

    /// <summary>The prior (default <see cref="DirichletPrior.Jeffreys"/>).</summary>
    public DirichletPrior Prior { get; init; } = DirichletPrior.Jeffreys;

    /// <summary>The pseudocount a &gt; 0 when <see cref="Prior"/> is <see cref="DirichletPrior.Custom"/>; ignored otherwise.</summary>
    public double Concentration { get; init; } = 0.5;
}

/// <summary>
/// Dirichlet-prior (pseudocount) estimators: the plug-in entropy of the posterior-mean frequencies
/// (n_i + a)/(N + K a), following R's <c>entropy.Dirichlet</c> (Hausser &amp; Strimmer 2009, table 1) exactly:
/// K counts every bin, empty ones included, so Perks (a = 1/K) and minimax (a = sqrt(N)/K) depend on it.
/// Bias: pulled towards log K, strongly when K a is comparable to N (Laplace with large K overestimates badly);
/// small variance. The pseudocount is reported as the diagnostic <c>a</c>. O(K) (unlisted empty bins in O(1)).
/// </summary>
public sealed class DirichletEntropyEstimator : IEntropyEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="options">The options (null: <see cref="DirichletEntropyOptions.Default"/>).</param>
    public DirichletEntropyEstimator(DirichletEntropyOptions? options = null)
    {
        Options = options ?? DirichletEntropyOptions.Default;
        CheckPrior(Options.Prior, "Prior");

        if (Options.Prior == DirichletPrior.Custom)
        {
            Preconditions.PositiveFinite(Options.Concentration, "Concentration");
        }
    }

    /// <summary>Creates the estimator for a named prior.</summary>
    /// <param name="prior">The prior.</param>
    /// <returns>The estimator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined prior (named <c>prior</c>, the parameter).</exception>
    public static DirichletEntropyEstimator For(DirichletPrior prior)
    {
        CheckPrior(prior, nameof(prior));
        return new(new DirichletEntropyOptions { Prior = prior });
    }

    private static void CheckPrior(DirichletPrior prior, string name)
    {
        if (!Enum.IsDefined(prior))
        {
            throw Preconditions.OutOfRange(name, "a defined DirichletPrior", ((int)prior).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The options.</summary>
    public DirichletEntropyOptions Options { get; }

    /// <inheritdoc/>
    public string Name => Options.Prior switch
    {
        DirichletPrior.Jeffreys => "jeffreys",
        DirichletPrior.Laplace => "laplace",
        DirichletPrior.Perks => "perks",
        DirichletPrior.Minimax => "minimax",
        _ => "dirichlet",
    };

    /// <summary>The pseudocount a for N samples over K bins.</summary>
    /// <param name="total">N.</param>
    /// <param name="alphabetSize">K.</param>
    /// <returns>a.</returns>
    public double Concentration(long total, long alphabetSize) => Options.Prior switch
    {
        DirichletPrior.Jeffreys => 0.5,
        DirichletPrior.Laplace => 1.0,
        DirichletPrior.Perks => 1.0 / alphabetSize,
        DirichletPrior.Minimax => Math.Sqrt(total) / alphabetSize,
        _ => Options.Concentration,
    };

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, InformationUnit unit) => Estimate(counts, counts.Length, unit);

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, long alphabetSize, InformationUnit unit)
    {
        var s = CountSummary.Validate(counts, alphabetSize, unit);
        double a = Concentration(s.Total, s.AlphabetSize);
        double na = s.Total + (double)s.AlphabetSize * a;
        double h = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            double p = (counts[i] + a) / na;
            h -= p * Math.Log(p);
        }

        long unlisted = s.AlphabetSize - counts.Length;
        if (unlisted > 0)
        {
            double p0 = a / na;
            h -= unlisted * p0 * Math.Log(p0);
        }

        return EstimateBuilder.Entropy(Name, h, unit, s,
            InformationEstimate.MakeDiagnostics(("a", a), ("alphabet_size", s.AlphabetSize), ("occupied_bins", s.Occupied)));
    }
}
