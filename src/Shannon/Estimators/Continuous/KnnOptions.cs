using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>The two KSG estimators of Kraskov, Stoegbauer and Grassberger (2004).</summary>
public enum KsgAlgorithm
{
    /// <summary>Algorithm 1 (their eq. 8): marginal counts strictly inside the joint k-th neighbour distance.
    /// Slightly smaller variance; the form scikit-learn implements.</summary>
    Algorithm1 = 1,

    /// <summary>Algorithm 2 (their eq. 9): marginal counts inside the per-variable extents of the k neighbours
    /// (the default of Kraskov's MILCA MIhigherdim tool). Slightly smaller bias in higher dimension.</summary>
    Algorithm2 = 2,
}

/// <summary>Options of the KSG mutual information and conditional mutual information estimators.</summary>
/// <remarks>
/// Defaults: k = 3 as in scikit-learn's <c>mutual_info_regression</c> (JIDT's default is 4, Kraskov et al.
/// suggest 2..4); each column standardised to mean 0 and (population) standard deviation 1 before the
/// neighbour search, the convention of MILCA and JIDT under which their published values hold; no jitter.
/// </remarks>
public sealed record KsgOptions
{
    /// <summary>k = 3, Algorithm 1, standardised columns, no jitter, all cores.</summary>
    public static KsgOptions Default { get; } = new();

    /// <summary>The number of neighbours k >= 1 (default 3; must be below N). Larger k: less variance, more bias.</summary>
    public int K { get; init; } = 3;

    /// <summary>Which KSG estimator (default <see cref="KsgAlgorithm.Algorithm1"/>). Conditional MI supports both (algorithm 2 in JIDT's form).</summary>
    public KsgAlgorithm Algorithm { get; init; } = KsgAlgorithm.Algorithm1;

    /// <summary>Whether each column is z-scored before the neighbour search (default true).</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>The standard deviation of Gaussian noise added to each column, in units of that column's standard
    /// deviation, to break ties (default 0: none). Kraskov et al. suggest about 1e-10 for data with repeated values.</summary>
    public double Jitter { get; init; }

    /// <summary>The seed of the jitter noise (default 0); the same seed gives the same estimate.</summary>
    public int Seed { get; init; }

    /// <summary>Whether to dequantise tied columns that lie on a lattice (values rounded to a step s, integers) by
    /// seeded uniform noise U(-s/2, s/2) before the search (default false). I(X + U; Y + V) = I(X; Y) exactly for
    /// lattice variables X, Y and independent U, V (X + U determines X and U), so this estimates the information of the
    /// rounded values themselves, with a continuous estimator, where Gao et al.'s rule (the default) suffers from the
    /// many neighbours at exactly the k-th distance that rounding creates. Columns not on a lattice (mixtures of atoms
    /// and a continuum) keep the default rule. Seeded by <see cref="Seed"/>; the result names it "dequantize+...".</summary>
    public bool Dequantize { get; init; }

    /// <summary>The most threads to use, or -1 for all cores (default). The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>Options of the Kozachenko-Leonenko entropy estimator.</summary>
/// <remarks>k = 3 by default (scikit-learn's KSG default; JIDT uses 4). The data are not standardised:
/// differential entropy depends on the scale.</remarks>
public sealed record KozachenkoLeonenkoOptions
{
    /// <summary>k = 3, maximum norm, no jitter, all cores.</summary>
    public static KozachenkoLeonenkoOptions Default { get; } = new();

    /// <summary>The number of neighbours k >= 1 (default 3; must be below N).</summary>
    public int K { get; init; } = 3;

    /// <summary>The norm of the neighbour distances (default <see cref="DistanceNorm.Maximum"/>). The estimate is
    /// consistent in either norm; only the unit-ball volume changes.</summary>
    public DistanceNorm Norm { get; init; } = DistanceNorm.Maximum;

    /// <summary>Gaussian noise added to each column, in units of that column's standard deviation (default 0).</summary>
    public double Jitter { get; init; }

    /// <summary>The seed of the jitter noise (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Whether to dequantise tied columns that lie on a lattice (values rounded to a step s, integers) by
    /// seeded uniform noise U(-s/2, s/2) before the search (default false). h(X + U) = H(X) + d ln s exactly for a lattice
    /// variable X (the entropy at the data's resolution). Columns not on a lattice keep the default rule. Seeded by <see cref="Seed"/>; the result names it "dequantize+...".</summary>
    public bool Dequantize { get; init; }

    /// <summary>The most threads to use, or -1 for all cores (default).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>Options of the k-NN Kullback-Leibler divergence estimator.</summary>
/// <remarks>k = 3 by default, as for the other k-NN estimators (Wang, Kulkarni and Verdu study k = 1..10).
/// The data are not standardised: each variable keeps its own scale, the same for both samples.</remarks>
public sealed record KnnKullbackLeiblerOptions
{
    /// <summary>k = 3, maximum norm, all cores.</summary>
    public static KnnKullbackLeiblerOptions Default { get; } = new();

    /// <summary>The number of neighbours k >= 1 (default 3; below the size of the first sample and at most the size of the second).</summary>
    public int K { get; init; } = 3;

    /// <summary>The norm of the distances (default <see cref="DistanceNorm.Maximum"/>).</summary>
    public DistanceNorm Norm { get; init; } = DistanceNorm.Maximum;

    /// <summary>The most threads to use, or -1 for all cores (default).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
