using System.Globalization;

namespace Shannon.ML;

/// <summary>Options of <see cref="ShannonFeatureSelectingEstimator"/>.</summary>
/// <remarks>
/// Defaults: keep every feature (rank only) unless <see cref="SlotsInOutput"/> or <see cref="Permutations"/> says
/// otherwise; the catalogue's automatic estimator per slot; k = 3 neighbours (scikit-learn's <c>mutual_info_classif</c>
/// default; JIDT uses 4); rounded slots spread over their lattice step (the library's ties rule), no jitter; no
/// permutation test; alpha 0.05; seed 0; bits.
/// </remarks>
public sealed record ShannonFeatureSelectionOptions
{
    /// <summary>The defaults.</summary>
    public static ShannonFeatureSelectionOptions Default { get; } = new();

    /// <summary>How many of the most informative features to keep (null, the default: all that pass the
    /// significance test, or all when there is no test). ML.NET's own selector calls this <c>slotsInOutput</c>.</summary>
    public int? SlotsInOutput { get; init; }

    /// <summary>A name from the library's estimator catalogue (<c>EstimatorCatalogue.Names</c>, the names
    /// <c>shannon rank --estimator</c> takes) to score every slot with, or null (the default) or "auto" for the automatic
    /// choice per slot (see <see cref="ShannonFeatureSelectingEstimator"/>).</summary>
    public string? Estimator { get; init; }

    /// <summary>Neighbours k of the k-NN estimator for real features (default 3; must be below the size of each class).</summary>
    public int K { get; init; } = 3;

    /// <summary>Gaussian noise added to real features, in units of each feature's standard deviation, to break ties
    /// (default 0: none; ties are handled by <see cref="Dequantize"/> and Gao et al.'s zero-distance rule). Seeded by
    /// <see cref="Seed"/>.</summary>
    public double Jitter { get; init; }

    /// <summary>Whether a real slot whose values lie on a lattice (rounded measurements) is spread uniformly over one
    /// lattice step before the neighbour search (default true; the library's <c>EstimatorSettings.Dequantize</c>).</summary>
    public bool Dequantize { get; init; } = true;

    /// <summary>The number of label permutations B of the independence test of each feature (default 0: no test).
    /// With B &gt; 0 a feature is kept only when its p-value, (n_ge + 1)/(B + 1), is at most <see cref="Alpha"/>.</summary>
    public int Permutations { get; init; }

    /// <summary>The significance level of the permutation test (default 0.05), in (0, 1].</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The seed of the jitter and of the permutations (default 0): the same seed gives the same choice.</summary>
    public int Seed { get; init; }

    /// <summary>The unit of the reported scores (default bits).</summary>
    public InformationUnit Unit { get; init; } = InformationUnit.Bits;

    internal void Validate()
    {
        if (SlotsInOutput is int s && s < 1)
        {
            throw ArgumentErrors.OutOfRange(nameof(SlotsInOutput), ">= 1 or null", Text(s));
        }

        if (K < 1)
        {
            throw ArgumentErrors.OutOfRange(nameof(K), ">= 1", Text(K));
        }

        if (!(Jitter >= 0) || !double.IsFinite(Jitter))
        {
            throw ArgumentErrors.OutOfRange(nameof(Jitter), "a finite number >= 0", Text(Jitter));
        }

        if (!Estimators.Catalogue.EstimatorCatalogue.IsAutomatic(Estimator) && !Estimators.Catalogue.EstimatorCatalogue.TryGet(Estimator, out _))
        {
            throw ArgumentErrors.Error(nameof(Estimator), "null, \"auto\" or one of " + string.Join(", ", Estimators.Catalogue.EstimatorCatalogue.Names), $"'{Estimator}'");
        }

        if (Permutations < 0)
        {
            throw ArgumentErrors.OutOfRange(nameof(Permutations), ">= 0", Text(Permutations));
        }

        if (!(Alpha > 0 && Alpha <= 1))
        {
            throw ArgumentErrors.OutOfRange(nameof(Alpha), "in (0, 1]", Text(Alpha));
        }

        if (Unit is not (InformationUnit.Bits or InformationUnit.Nats or InformationUnit.Hartleys))
        {
            throw ArgumentErrors.InvalidUnit(Unit, nameof(Unit));
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>What the selector found for one slot of the feature vector.</summary>
/// <param name="Slot">The slot's index in the input vector.</param>
/// <param name="Name">The slot's name (ML.NET's slot names, e.g. from Concatenate), or "slot {index}".</param>
/// <param name="Value">The estimate of I(slot; label) in <paramref name="Unit"/> (raw: may be slightly negative).</param>
/// <param name="Unit">The unit of <paramref name="Value"/>.</param>
/// <param name="Estimator">The catalogue name of the estimator used (by default "mixed-ross" for real slots,
/// "miller-madow" for categorical ones).</param>
/// <param name="PValue">The permutation p-value, or null without a test.</param>
/// <param name="NullMean">The mean of the permuted estimates (the estimator's value under independence), or null.</param>
/// <param name="Selected">Whether the slot is in the output.</param>
public sealed record FeatureScore(int Slot, string Name, double Value, InformationUnit Unit, string Estimator, double? PValue, double? NullMean, bool Selected);
