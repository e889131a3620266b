using System.Globalization;
using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon;

/// <summary>The argument checks of the continuous estimators: k, parallelism, norms and sample columns.</summary>
internal static partial class Preconditions
{
    /// <summary>Checks a KSG algorithm: Algorithm1 or Algorithm2 (parameter named algorithm).</summary>
    public static void Algorithm(KsgAlgorithm algorithm)
    {
        if (algorithm is not (KsgAlgorithm.Algorithm1 or KsgAlgorithm.Algorithm2))
        {
            throw OutOfRange("algorithm", "Algorithm1 or Algorithm2", ((int)algorithm).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Checks a marginal map before a k-NN search (parameter named preprocessing).</summary>
    public static void Preprocessing(MarginalPreprocessing preprocessing)
    {
        if (preprocessing is < MarginalPreprocessing.Standardize or > MarginalPreprocessing.None)
        {
            throw OutOfRange("preprocessing", "Standardize, NormalScores, Ranks or None", ((int)preprocessing).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Checks k, the number of nearest neighbours: at least 1 (parameter named k).</summary>
    public static void NeighbourCount(int k) => Positive(k, "k", "k is the number of nearest neighbours.");

    /// <summary>Checks that every point has k other points: k below the sample count (parameter named k).</summary>
    public static void NeighbourCountBelow(int k, int count)
    {
        if (k >= count)
        {
            throw OutOfRange("k", $"below the sample count N = {count.ToString(CultureInfo.InvariantCulture)}", k.ToString(CultureInfo.InvariantCulture),
                "Each point needs k other points; lower k or add samples.");
        }
    }

    /// <summary>Checks a thread count: -1 (all cores) or at least 1 (parameter named maxDegreeOfParallelism).</summary>
    public static void DegreeOfParallelism(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw OutOfRange("maxDegreeOfParallelism", "-1 (all cores) or >= 1", maxDegreeOfParallelism.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Checks that a norm is one of the defined members.</summary>
    public static void Norm(DistanceNorm norm, string name = "norm")
    {
        if (norm is not (DistanceNorm.Maximum or DistanceNorm.Euclidean))
        {
            throw OutOfRange(name, "Maximum or Euclidean", ((int)norm).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The checks every pairwise estimator of I(X;Y) on real columns makes: non-null samples, a defined unit,
    /// equal sample counts and no constant column (parameters named x, y and unit).</summary>
    public static void NonConstantPair(Samples x, Samples y, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Unit(unit, nameof(unit));
        SameSampleCount(y, x, nameof(y), nameof(x));
        NotConstant(x, nameof(x));
        NotConstant(y, nameof(y));
    }

    /// <summary>Checks that <paramref name="samples"/> holds as many samples as <paramref name="first"/>.</summary>
    public static void SameSampleCount(Samples samples, Samples first, string name, string firstName)
    {
        if (samples.Count != first.Count)
        {
            throw Error(name, $"the same number of samples as `{firstName}` ({first.Count.ToString(CultureInfo.InvariantCulture)})",
                $"{samples.Count.ToString(CultureInfo.InvariantCulture)} samples");
        }
    }

    /// <summary>Throws when a column holds a single repeated value (zero variance).</summary>
    public static void NotConstant(Samples samples, string name)
    {
        for (int j = 0; j < samples.Dimension; j++)
        {
            ReadOnlySpan<double> c = samples.Column(j);
            double first = c[0];
            bool constant = true;
            for (int i = 1; i < c.Length; i++)
            {
                if (c[i] != first)
                {
                    constant = false;
                    break;
                }
            }

            if (constant)
            {
                throw Error(name, "non-constant in every column",
                    $"column {j.ToString(CultureInfo.InvariantCulture)} equal to {Format(first)} in all {c.Length.ToString(CultureInfo.InvariantCulture)} samples",
                    "A constant variable carries no information; drop the column.");
            }
        }
    }
}
