using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Inference;

namespace Shannon.Web.Estimation;

/// <summary>
/// The estimators the "Your data" panel offers, by their CLI names (DESIGN.md): the library's discrete entropy
/// estimators (<see cref="EntropyEstimators"/>) on the columns' symbol codes, and its continuous ones on numeric columns.
/// </summary>
internal static class DataEstimators
{
    public static readonly string[] ContinuousNames = ["ksg1", "ksg2", "gaussian", "gaussian-copula", "binned"];

    public static readonly string[] Names = [.. EntropyEstimators.Names, .. ContinuousNames];

    /// <summary>Replicates and seed of the bootstrap interval (the library's defaults: 1000, 95%, seed 0).</summary>
    public static readonly BootstrapOptions IntervalOptions = BootstrapOptions.Default;

    /// <summary>Permutations of the independence test: 199 (p-values down to 0.005) keep the page responsive on 1 MiB files.</summary>
    public static readonly PermutationTestOptions TestOptions = new() { Permutations = 199 };

    public static bool IsContinuous(string estimator) => ContinuousNames.Contains(estimator);

    /// <summary>
    /// For discrete estimators: the percentile bootstrap interval of I(X;Y) (<see cref="Bootstrap.MutualInformation"/>)
    /// and the permutation test of independence (<see cref="PermutationTest.MutualInformation"/>); null for continuous ones.
    /// </summary>
    public static (BootstrapInterval Interval, PermutationTestResult Test)? Uncertainty(string estimator, DataColumn x, DataColumn y, InformationUnit unit, CancellationToken cancellationToken = default)
    {
        if (IsContinuous(estimator))
        {
            return null;
        }

        var e = EntropyEstimators.Parse(estimator);
        var table = CountTable.FromLabels(x.Codes, y.Codes);
        var interval = Bootstrap.MutualInformation(table, [0], [1], [], e, unit, IntervalOptions, cancellationToken);
        var test = PermutationTest.MutualInformation(Variable(x), Variable(y), e, unit, TestOptions, cancellationToken);
        return (interval, test);
    }

    private static DiscreteVariable Variable(DataColumn c) => DiscreteVariable.FromCodes(c.Codes, c.SymbolCount);

    /// <summary>
    /// The entropy of a column: discrete estimators on its symbols; for the continuous ones the differential entropy,
    /// by Kozachenko-Leonenko (k = 3) beside KSG, by the fitted Gaussian beside the Gaussian estimators, and by the
    /// histogram beside the binned one.
    /// </summary>
    public static Information Entropy(string estimator, DataColumn column, InformationUnit unit, int binCount)
    {
        if (!IsContinuous(estimator))
        {
            var h = DiscreteInformation.Entropy(Variable(column), EntropyEstimators.Parse(estimator), unit);
            return new Information(h.Value, h.Unit);
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
            var mi = DiscreteInformation.MutualInformation(Variable(x), Variable(y), EntropyEstimators.Parse(estimator), unit);
            return new Information(mi.Value, mi.Unit);
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

    private static double[] NumbersOf(DataColumn column, string estimator) =>
        column.Numbers ?? throw new ArgumentException(
            $"`estimator` {estimator} needs numeric columns; column '{column.Name}' is categorical (use plugin).", nameof(estimator));
}
