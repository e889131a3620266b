using System.Globalization;
using Shannon.Spatial;

namespace Shannon.Estimators.Catalogue;

/// <summary>
/// The parameters every catalogued estimator may take; each estimator reads the ones it uses (k for the k-NN
/// family, the bin count for binned, jitter and seed for the k-NN family). Validated once, on construction of an
/// estimate.
/// </summary>
public sealed record EstimatorSettings
{
    /// <summary>The defaults: k = 3 (scikit-learn's; JIDT uses 4), Freedman-Diaconis bins, no jitter, max-norm, seed 0, all cores.</summary>
    public static EstimatorSettings Default { get; } = new();

    /// <summary>Neighbours k of the k-NN estimators (null: 3).</summary>
    public int? K { get; init; }

    /// <summary>Bins per real column for <c>binned</c> (null: Freedman-Diaconis).</summary>
    public int? Bins { get; init; }

    /// <summary>Amplitude of the seeded noise the k-NN estimators add to break ties, in standard deviations of each column (0: none).</summary>
    public double Jitter { get; init; }

    /// <summary>Whether the k-NN estimators spread each column that lies on a lattice (rounded or integer values) uniformly
    /// over one lattice step before the neighbour search, seeded by <see cref="Seed"/> (default true). For lattice
    /// variables this keeps the information exactly (X is recovered from X + U), so the estimate targets the MI of the
    /// rounded values, where Gao et al.'s (2017) zero-distance rule alone is still biased by the many neighbours that
    /// rounding puts at exactly the k-th distance; columns not on a lattice keep that rule. False: the rule alone.</summary>
    public bool Dequantize { get; init; } = true;

    /// <summary>The norm of Kozachenko-Leonenko and k-NN KL (KSG uses the max-norm).</summary>
    public DistanceNorm Norm { get; init; } = DistanceNorm.Maximum;

    /// <summary>The seed of the randomised estimators.</summary>
    public int Seed { get; init; }

    /// <summary>The most threads an estimate may use (-1: all cores). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>k, or the default 3.</summary>
    public int KOrDefault => K ?? 3;

    /// <summary>Checks every field.</summary>
    /// <remarks>Each field goes through the one check the estimators use for it (Preconditions), so a bad value gets the
    /// same words from the catalogue as from the estimator it configures.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">k or bins &lt; 1, jitter negative or not finite, an undefined norm, or a thread count of 0 or below -1.</exception>
    public void Validate()
    {
        if (K is int k)
        {
            Preconditions.NeighbourCount(k);
        }

        if (Bins is int b && b < 1)
        {
            throw Preconditions.OutOfRange("bins", ">= 1", b.ToString(CultureInfo.InvariantCulture));
        }

        Preconditions.NonNegativeFinite(Jitter, "jitter");
        Preconditions.Norm(Norm);
        Preconditions.DegreeOfParallelism(MaxDegreeOfParallelism);
    }
}
