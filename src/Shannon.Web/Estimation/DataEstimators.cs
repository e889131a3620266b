namespace Shannon.Web.Estimation;

/// <summary>
/// The estimators the "Your data" panel offers, by their CLI names (DESIGN.md). Discrete ones work on the columns'
/// symbol codes; continuous ones need numeric columns. Add one case per estimator.
/// </summary>
internal static class DataEstimators
{
    public static readonly string[] Names = ["plugin", "gaussian"];

    public static bool IsContinuous(string estimator) => estimator is "gaussian";

    public static Information Entropy(string estimator, DataColumn column, InformationUnit unit)
    {
        if (IsContinuous(estimator))
        {
            var x = NumbersOf(column, estimator);
            double mean = x.Average();
            double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
            return Measures.DifferentialEntropy(Gaussian.WithMeanStdDev(mean, sd), unit);
        }

        var counts = new double[column.SymbolCount];
        foreach (var c in column.Codes)
        {
            counts[c]++;
        }

        return Measures.Entropy(Categorical.FromCounts(counts), unit);
    }

    public static Information MutualInformation(string estimator, DataColumn x, DataColumn y, InformationUnit unit)
    {
        if (IsContinuous(estimator))
        {
            return SampleEstimates.GaussianMutualInformation(NumbersOf(x, estimator), NumbersOf(y, estimator), unit);
        }

        return Measures.MutualInformation(JointCounts(x, y), unit);
    }

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
