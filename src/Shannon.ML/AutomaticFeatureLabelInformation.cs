using Shannon.Estimators;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.ML;

/// <summary>
/// The automatic choice of estimator for a feature against class labels, from the library's existing estimators:
/// a discrete feature (integer values only, at most sqrt(N) distinct ones) gets the Miller-Madow bias-corrected
/// count estimator; any other feature gets Ross's mixed k-NN estimator (k = 3, the scikit-learn default) with
/// seeded jitter of 1e-10 standard deviations to break ties, as Kraskov et al. (2004) suggest for repeated values.
/// </summary>
internal sealed class AutomaticFeatureLabelInformation : IFeatureLabelInformation
{
    private readonly MixedMutualInformationEstimator _mixed;

    public AutomaticFeatureLabelInformation(int k, double jitter, int seed)
    {
        _mixed = new MixedMutualInformationEstimator(new KsgOptions { K = k, Jitter = jitter, Seed = seed });
    }

    /// <summary>Whether a feature counts as discrete: every value an integer, and at most sqrt(N) distinct values.</summary>
    public static bool IsDiscrete(ReadOnlySpan<double> feature, out int[] codes, out int levelCount)
    {
        var levels = new Dictionary<double, int>();
        codes = new int[feature.Length];
        int limit = (int)Math.Floor(Math.Sqrt(feature.Length));
        for (int i = 0; i < feature.Length; i++)
        {
            double v = feature[i];
            if (v != Math.Floor(v))
            {
                levelCount = 0;
                return false;
            }

            if (!levels.TryGetValue(v, out int code))
            {
                if (levels.Count == limit)
                {
                    levelCount = 0;
                    return false;
                }

                code = levels.Count;
                levels.Add(v, code);
            }

            codes[i] = code;
        }

        levelCount = levels.Count;
        return true;
    }

    public InformationEstimate Estimate(ReadOnlySpan<double> feature, ReadOnlySpan<int> labels, int labelCount, InformationUnit unit)
    {
        if (IsDiscrete(feature, out int[] codes, out _))
        {
            return DiscreteInformation.MutualInformation(codes, labels, MillerMadowEntropyEstimator.Instance, unit) with { Estimator = "miller-madow" };
        }

        var e = _mixed.Estimate(feature, labels, unit);
        return new InformationEstimate(e.Value, e.Unit, e.SampleCount, e.Estimator) { Warnings = e.Warnings };
    }
}
