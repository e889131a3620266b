namespace Shannon.Estimators.Catalogue;

/// <summary>An estimator of the catalogue: its name and tags. Each quantity it estimates is one of the interfaces below.</summary>
public interface ICatalogueEstimator
{
    /// <summary>The name, aliases, quantities and tags.</summary>
    EstimatorDescriptor Descriptor { get; }
}

/// <summary>Estimates the entropy H of a (joint) discrete variable from samples.</summary>
public interface IEntropyEntry : ICatalogueEstimator
{
    /// <summary>H(X) of the columns of X taken jointly.</summary>
    /// <param name="x">The columns of X (at least one, equal lengths).</param>
    /// <param name="settings">Parameters (those this estimator uses).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate (<see cref="InformationEstimate.Differential"/> false).</returns>
    InformationEstimate Entropy(IReadOnlyList<SampleColumn> x, EstimatorSettings settings, InformationUnit unit);
}

/// <summary>Estimates the differential entropy h of a density from samples.</summary>
public interface IDifferentialEntropyEntry : ICatalogueEstimator
{
    /// <summary>h(X) of the real-valued columns of X taken jointly.</summary>
    /// <param name="x">The columns of X.</param>
    /// <param name="settings">Parameters.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The estimate (<see cref="InformationEstimate.Differential"/> true).</returns>
    InformationEstimate DifferentialEntropy(IReadOnlyList<SampleColumn> x, EstimatorSettings settings, InformationUnit unit);
}

/// <summary>Estimates the mutual information I(X;Y) from paired samples.</summary>
public interface IMutualInformationEntry : ICatalogueEstimator
{
    /// <summary>I(X;Y).</summary>
    /// <param name="x">The columns of X.</param>
    /// <param name="y">The columns of Y (as many rows as X).</param>
    /// <param name="settings">Parameters.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The estimate (negative values are reported as they are).</returns>
    InformationEstimate MutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, EstimatorSettings settings, InformationUnit unit);
}

/// <summary>Estimates the conditional mutual information I(X;Y|Z) from paired samples.</summary>
public interface IConditionalMutualInformationEntry : ICatalogueEstimator
{
    /// <summary>I(X;Y|Z).</summary>
    /// <param name="x">The columns of X.</param>
    /// <param name="y">The columns of Y.</param>
    /// <param name="z">The columns of Z (at least one).</param>
    /// <param name="settings">Parameters.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The estimate.</returns>
    InformationEstimate ConditionalMutualInformation(IReadOnlyList<SampleColumn> x, IReadOnlyList<SampleColumn> y, IReadOnlyList<SampleColumn> z, EstimatorSettings settings, InformationUnit unit);
}

/// <summary>Estimates the Kullback-Leibler divergence D(P||Q) from a sample of P and a sample of Q.</summary>
public interface IDivergenceEntry : ICatalogueEstimator
{
    /// <summary>D(P||Q).</summary>
    /// <param name="p">The sample of P (its columns).</param>
    /// <param name="q">The sample of Q (as many columns as P; any number of rows).</param>
    /// <param name="settings">Parameters.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The estimate.</returns>
    InformationEstimate Divergence(IReadOnlyList<SampleColumn> p, IReadOnlyList<SampleColumn> q, EstimatorSettings settings, InformationUnit unit);
}
