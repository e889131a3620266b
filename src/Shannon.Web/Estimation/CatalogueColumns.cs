using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Discrete;
using Shannon.Inference;

namespace Shannon.Web.Estimation;

/// <summary>
/// The "Your data" panel's questions to the library's <see cref="EstimatorCatalogue"/>: the names it offers are the
/// catalogue's (the same on every surface), and every estimate is the catalogue's. Discrete estimators see each
/// column's codes (<see cref="DataColumn"/>: labels, or equal-width bins of a real column); the continuous ones see
/// the numbers.
/// </summary>
internal static class CatalogueColumns
{
    /// <summary>Rows up to which the continuous estimators also get a bootstrap interval and a permutation test (they cost one estimate per replicate).</summary>
    public const int MaxRowsForContinuousUncertainty = 2000;

    /// <summary>The MI estimators the panel offers: the discrete ones first (plugin is the default), then ksg1, ksg2, binned, gaussian, gaussian-copula.</summary>
    public static readonly string[] Names = [.. EstimatorCatalogue.Descriptors
        .Where(d => d.Estimates(EstimatedQuantities.MutualInformation) && d.Name is not ("kozachenko-leonenko" or "mixed-ross"))
        .Select(d => d.Name)];

    /// <summary>The seed of every interval and test the explorer draws (the library's default, 0), reported beside them.</summary>
    public const int Seed = 0;

    /// <summary>Replicates and seed of the discrete bootstrap interval (the library's defaults: 1000, 95%, seed 0).</summary>
    public static readonly BootstrapOptions IntervalOptions = BootstrapOptions.Default with { Seed = Seed };

    /// <summary>Permutations of the independence test: 199 (p-values down to 0.005) keep the page responsive on 1 MiB files.</summary>
    public static readonly PermutationTestOptions TestOptions = new() { Permutations = 199, Seed = Seed };

    /// <summary>Whether the estimator takes the numbers rather than the codes.</summary>
    public static bool IsContinuous(string estimator) =>
        EstimatorCatalogue.TryGet(estimator, out var e) && !e.Descriptor.Has(EstimatorCapabilities.Discrete) || estimator == "binned";

    /// <summary>The column as the estimator sees it.</summary>
    public static SampleColumn Sample(DataColumn column, string estimator) =>
        IsContinuous(estimator) && column.Numbers is double[] numbers
            ? SampleColumn.FromNumbers(column.Name, numbers, VariableKind.Continuous)
            : SampleColumn.FromCodes(column.Name, column.Codes);

    /// <summary>The entropy of a column: H for the discrete estimators (and binned), the differential h beside the k-NN and Gaussian ones.</summary>
    public static InformationEstimate Entropy(string estimator, DataColumn column, InformationUnit unit, int binCount)
    {
        string name = estimator switch
        {
            "ksg1" or "ksg2" => "kozachenko-leonenko",
            "gaussian" or "gaussian-copula" => "gaussian",
            _ => estimator,
        };
        return EstimatorCatalogue.Entropy(name, [Sample(column, estimator)], Settings(binCount), unit);
    }

    /// <summary>I(X;Y) by the estimator.</summary>
    public static InformationEstimate MutualInformation(string estimator, DataColumn x, DataColumn y, InformationUnit unit, int binCount) =>
        EstimatorCatalogue.MutualInformation(estimator, [Sample(x, estimator)], [Sample(y, estimator)], [], Settings(binCount), unit);

    /// <summary>
    /// The percentile bootstrap interval of I(X;Y) and the permutation test of independence: for the discrete
    /// estimators on the count table (<see cref="Bootstrap.MutualInformation"/>, a multinomial resample of the cells,
    /// which is row resampling done on counts); for the others by row resampling (<see cref="EstimatorUncertainty"/>,
    /// 200 replicates) up to <see cref="MaxRowsForContinuousUncertainty"/> rows; null beyond. The work stops at
    /// <paramref name="cancellationToken"/> (the request's budget or its client leaving).
    /// </summary>
    public static (BootstrapInterval Interval, PermutationTestResult Test)? Uncertainty(string estimator, DataColumn x, DataColumn y, InformationUnit unit, int binCount, CancellationToken cancellationToken = default)
    {
        if (IsContinuous(estimator))
        {
            if (x.Codes.Length > MaxRowsForContinuousUncertainty)
            {
                return null;
            }

            SampleColumn[] a = [Sample(x, estimator)], b = [Sample(y, estimator)];
            var settings = Settings(binCount);
            return (EstimatorUncertainty.MutualInformation(estimator, a, b, [], settings, unit, new BootstrapOptions { Replicates = 200, Seed = Seed }, cancellationToken: cancellationToken),
                EstimatorUncertainty.MutualInformationPermutation(estimator, a, b, [], settings, unit, TestOptions, cancellationToken: cancellationToken));
        }

        var e = EntropyEstimators.Parse(estimator);
        var table = CountTable.FromLabels(x.Codes, y.Codes);
        var interval = Bootstrap.MutualInformation(table, [0], [1], [], e, unit, IntervalOptions, cancellationToken);
        var test = PermutationTest.MutualInformation(DiscreteVariable.FromCodes(x.Codes, x.SymbolCount), DiscreteVariable.FromCodes(y.Codes, y.SymbolCount), e, unit, TestOptions, cancellationToken);
        return (interval, test);
    }

    /// <summary>The library's pairwise matrix of the columns (<see cref="InformationMatrix"/>, as `shannon matrix` computes it).</summary>
    public static InformationMatrix Matrix(string estimator, IReadOnlyList<DataColumn> columns, InformationUnit unit, int binCount, CancellationToken cancellationToken) =>
        InformationMatrix.Compute([.. columns.Select(c => Sample(c, estimator))], estimator, Settings(binCount), unit, cancellationToken: cancellationToken);

    private static EstimatorSettings Settings(int binCount) => new() { Bins = binCount };
}
