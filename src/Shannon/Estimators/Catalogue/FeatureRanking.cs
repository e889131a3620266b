using Shannon.Inference;

namespace Shannon.Estimators.Catalogue;

/// <summary>The uncertainty to attach to each feature of a ranking or pair of a matrix.</summary>
public sealed record UncertaintyOptions
{
    /// <summary>None: estimates only.</summary>
    public static UncertaintyOptions None { get; } = new();

    /// <summary>Bootstrap replicates per estimate (0: no interval; otherwise &gt;= 2).</summary>
    public int Bootstrap { get; init; }

    /// <summary>Permutations per estimate (0: no p-value).</summary>
    public int Permutations { get; init; }

    /// <summary>The interval's confidence level (default 0.95).</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The seed of every resampling (each estimate uses the same seed: common random numbers).</summary>
    public int Seed { get; init; }

    /// <summary>Checks every field once, where a ranking or a matrix starts (a negative count was taken as "none").</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bootstrap count other than 0 or &gt;= 2, a negative permutation count, or a confidence outside (0, 1).</exception>
    internal void Validate()
    {
        if (Bootstrap is not 0 and < 2)
        {
            throw Preconditions.OutOfRange("bootstrap", "0 (no interval) or >= 2", Bootstrap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Permutations < 0)
        {
            throw Preconditions.OutOfRange("permutations", "0 (no p-value) or >= 1", Permutations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            throw Preconditions.OutOfRange("confidence", "in (0, 1)", Preconditions.Format(Confidence));
        }
    }
}

/// <summary>One feature of a ranking: its MI with the target and, when asked for, its interval and p-value.</summary>
/// <param name="Column">The feature's name.</param>
/// <param name="Estimate">I(feature; target).</param>
public sealed record RankedFeature(string Column, InformationEstimate Estimate)
{
    /// <summary>The bootstrap interval, or null.</summary>
    public BootstrapInterval? Interval { get; init; }

    /// <summary>The permutation test of independence, or null.</summary>
    public PermutationTestResult? Test { get; init; }
}

/// <summary>
/// Ranks features by their mutual information with a target, each pair by the named estimator or the catalogue's
/// choice for its kinds. The features run in parallel (each estimate on one thread); the result does not depend on
/// the number of threads.
/// </summary>
public static class FeatureRanking
{
    /// <summary>I(feature; target) for every feature, largest first (ties in the value keep the features' order).</summary>
    /// <param name="target">The target column.</param>
    /// <param name="features">The candidate columns (at least one, as many rows as the target).</param>
    /// <param name="estimator">A catalogue name, "auto" or null (chosen per feature).</param>
    /// <param name="settings">Estimator parameters (null: defaults).</param>
    /// <param name="unit">The unit.</param>
    /// <param name="uncertainty">Bootstrap and permutations per feature (null: none).</param>
    /// <param name="progress">Receives the fraction of features done, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The features, sorted by value, largest first.</returns>
    public static IReadOnlyList<RankedFeature> Rank(SampleColumn target, IReadOnlyList<SampleColumn> features, string? estimator, EstimatorSettings? settings,
        InformationUnit unit, UncertaintyOptions? uncertainty = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        CatalogueInput.Group(features, nameof(features), target.Count, nameof(target));
        var s = EstimatorCatalogue.Settings(settings);
        var u = uncertainty ?? UncertaintyOptions.None;
        u.Validate();
        var inner = features.Count > 1 ? s with { MaxDegreeOfParallelism = 1 } : s;
        var results = new RankedFeature[features.Count];
        int done = 0;
        ParallelLoops.For(0, features.Count, new ParallelOptions { MaxDegreeOfParallelism = s.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            results[i] = Pair(features[i], target, estimator, inner, unit, u, features.Count > 1, cancellationToken);
            progress?.Report((double)Interlocked.Increment(ref done) / features.Count);
        });
        var order = Enumerable.Range(0, results.Length).OrderByDescending(i => results[i].Estimate.Value).ThenBy(i => i);
        return [.. order.Select(i => results[i])];
    }

    internal static RankedFeature Pair(SampleColumn a, SampleColumn b, string? estimator, EstimatorSettings s, InformationUnit unit, UncertaintyOptions u, bool serial, CancellationToken cancellationToken)
    {
        var estimate = EstimatorCatalogue.MutualInformation(estimator, [a], [b], [], s, unit);
        int threads = serial ? 1 : -1;
        BootstrapInterval? interval = u.Bootstrap > 0
            ? EstimatorUncertainty.MutualInformation(estimate.Estimator, [a], [b], [], s, unit,
                new BootstrapOptions { Replicates = u.Bootstrap, Confidence = u.Confidence, Seed = u.Seed, MaxDegreeOfParallelism = threads }, null, cancellationToken)
            : null;
        PermutationTestResult? test = u.Permutations > 0
            ? EstimatorUncertainty.MutualInformationPermutation(estimate.Estimator, [a], [b], [], s, unit,
                new PermutationTestOptions { Permutations = u.Permutations, Seed = u.Seed, MaxDegreeOfParallelism = threads }, null, cancellationToken)
            : null;
        if (interval is not null)
        {
            var more = EstimatorCatalogue.BoundWarnings(estimate, [a], [b], interval.StandardError).Where(w => !estimate.Warnings.Contains(w)).ToArray();
            if (more.Length > 0)
            {
                estimate = estimate with { Warnings = [.. estimate.Warnings, .. more] };
            }
        }

        return new RankedFeature(a.Name, estimate) { Interval = interval, Test = test };
    }
}
