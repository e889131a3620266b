using Shannon.Estimators.Continuous;

namespace Shannon.Web.Estimation;

/// <summary>
/// The estimators the "Your data" panel offers, by their CLI names (DESIGN.md). Discrete ones work on the columns'
/// symbol codes; continuous ones need numeric columns. Add one case per estimator.
/// </summary>
internal static class DataEstimators
{
    public static readonly string[] Names = ["plugin", "ksg1", "ksg2", "gaussian", "gaussian-copula", "binned"];

    public static bool IsContinuous(string estimator) => estimator is not "plugin";

    /// <summary>
    /// The entropy of a column: discrete estimators on its symbols; for the continuous ones the differential entropy,
    /// by Kozachenko-Leonenko (k = 3) beside KSG, by the fitted Gaussian beside the Gaussian estimators, and by the
    /// histogram beside the binned one.
    /// </summary>
    public static Information Entropy(string estimator, DataColumn column, InformationUnit unit, int binCount)
    {
        if (!IsContinuous(estimator))
        {
            var counts = new double[column.SymbolCount];
            foreach (var c in column.Codes)
            {
                counts[c]++;
            }

            return Measures.Entropy(Categorical.FromCounts(counts), unit);
        }

        var x = NumbersOf(column, estimator);
        switch (estimator)
        {
            case "ksg1" or "ksg2":
                return Value(new KozachenkoLeonenkoEntropyEstimator().Estimate(x, unit));
            case "binned":
                return Value(new BinnedEntropyEstimator(Binning(binCount)).Estimate(x, unit));
            default:
                double mean = x.Average();
                double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
                return Measures.DifferentialEntropy(Gaussian.WithMeanStdDev(mean, sd), unit);
        }
    }

    public static Information MutualInformation(string estimator, DataColumn x, DataColumn y, InformationUnit unit, int binCount)
    {
        if (!IsContinuous(estimator))
        {
            return Measures.MutualInformation(JointCounts(x, y), unit);
        }

        var a = NumbersOf(x, estimator);
        var b = NumbersOf(y, estimator);
        return Value(estimator switch
        {
            "ksg1" => new KsgMutualInformationEstimator().Estimate(a, b, unit),
            "ksg2" => new KsgMutualInformationEstimator(new KsgOptions { Algorithm = KsgAlgorithm.Algorithm2 }).Estimate(a, b, unit),
            "gaussian" => new GaussianMutualInformationEstimator().Estimate(a, b, unit),
            "gaussian-copula" => new GaussianCopulaMutualInformationEstimator().Estimate(a, b, unit),
            "binned" => new BinnedMutualInformationEstimator(Binning(binCount)).Estimate(a, b, unit),
            _ => throw new ArgumentException($"`estimator` must be one of {string.Join(", ", Names)}; got '{estimator}'.", nameof(estimator)),
        });
    }

    private static BinningOptions Binning(int binCount) => new() { Rule = BinningRule.EqualWidth, BinCount = binCount };

    private static Information Value(ContinuousEstimate e) => new(e.Value, e.Unit);

    public static JointDistribution JointCounts(DataColumn x, DataColumn y)
    {
        var counts = new double[x.SymbolCount * y.SymbolCount];
        for (int i = 0; i < x.Codes.Length; i++)
        {
            counts[(x.Codes[i] * y.SymbolCount) + y.Codes[i]]++;
        }

        return JointDistribution.FromCounts(counts, x.SymbolCount, y.SymbolCount);
    }

    private static double[] NumbersOf(DataColumn column, string estimator) =>
        column.Numbers ?? throw new ArgumentException(
            $"`estimator` {estimator} needs numeric columns; column '{column.Name}' is categorical (use plugin).", nameof(estimator));
}
