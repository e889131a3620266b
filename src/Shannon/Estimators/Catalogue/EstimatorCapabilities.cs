namespace Shannon.Estimators.Catalogue;

/// <summary>What a catalogued estimator can take and do: the tags the conformance suite and the automatic choice select by.</summary>
[Flags]
public enum EstimatorCapabilities
{
    /// <summary>Categorical columns (labels).</summary>
    Discrete = 1,

    /// <summary>Real-valued columns.</summary>
    Continuous = 2,

    /// <summary>One categorical side and one continuous side.</summary>
    Mixed = 4,

    /// <summary>Estimates I(X;Y|Z).</summary>
    Conditional = 8,

    /// <summary>A variable may be several columns.</summary>
    Multivariate = 16,

    /// <summary>Uses random numbers (jitter); the seed makes it reproducible.</summary>
    Randomised = 32,

    /// <summary>Takes k, the number of neighbours.</summary>
    TakesK = 64,

    /// <summary>Takes a bin count.</summary>
    TakesBins = 128,
}

/// <summary>The quantities an estimator of the catalogue can estimate.</summary>
[Flags]
public enum EstimatedQuantities
{
    /// <summary>The entropy H of a discrete variable.</summary>
    Entropy = 1,

    /// <summary>The differential entropy h of a density.</summary>
    DifferentialEntropy = 2,

    /// <summary>The mutual information I(X;Y).</summary>
    MutualInformation = 4,

    /// <summary>The conditional mutual information I(X;Y|Z).</summary>
    ConditionalMutualInformation = 8,

    /// <summary>The Kullback-Leibler divergence D(P||Q) between two samples.</summary>
    Divergence = 16,
}

/// <summary>A catalogued estimator's name, the other names it answers to, what it estimates and what it can take.</summary>
/// <param name="Name">The one name, as every surface spells it (DESIGN.md).</param>
/// <param name="Aliases">Older names that still resolve to it (e.g. "ksg" for ksg1, "mixed" for mixed-ross).</param>
/// <param name="Quantities">The quantities it estimates.</param>
/// <param name="Capabilities">Its tags.</param>
/// <param name="Summary">One line: the method and its reference.</param>
public sealed record EstimatorDescriptor(string Name, IReadOnlyList<string> Aliases, EstimatedQuantities Quantities, EstimatorCapabilities Capabilities, string Summary)
{
    /// <summary>True when the estimator has all of <paramref name="capabilities"/>.</summary>
    /// <param name="capabilities">The tags.</param>
    /// <returns>Whether all are present.</returns>
    public bool Has(EstimatorCapabilities capabilities) => (Capabilities & capabilities) == capabilities;

    /// <summary>True when the estimator estimates <paramref name="quantity"/>.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>Whether it does.</returns>
    public bool Estimates(EstimatedQuantities quantity) => (Quantities & quantity) == quantity;
}
