using Shannon.Estimators.Continuous;

namespace Shannon.Tests.Continuous;

/// <summary>
/// KSG against external tools on the fixed data of ReferenceData (N = 800). Expected values come from
/// tools/reference/continuous_reference.py (Debian python3, numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1).
/// Tolerance 1e-9: the same neighbour counts give the same sum of digammas up to rounding (~1e-15 per term,
/// scipy's and our digamma agree to ~1e-15), so anything above 1e-9 means a different count somewhere.
/// </summary>
public class KsgReferenceTests
{
    private const double Exact = 1e-9;

    private static ContinuousEstimate Ksg(string x, string y, KsgOptions options) =>
        new KsgMutualInformationEstimator(options).Estimate(ReferenceData.Column(x), ReferenceData.Column(y), InformationUnit.Nats);

    [Theory]
    // sklearn 1.2.1: _compute_mi_cc(x1, y1, n_neighbors=k) on the raw columns (it does not scale; no noise).
    [InlineData(1, 0.2393913582973184)]
    [InlineData(3, 0.23814633449776412)]
    [InlineData(5, 0.24591965979141062)]
    public void Algorithm1OnRawDataMatchesScikitLearnComputeMiCc(int k, double expected)
    {
        var estimate = Ksg("x1", "y1", KsgOptions.Default with { K = k, Standardize = false });
        Assert.Equal(expected, estimate.Value, Exact);
    }

    [Theory]
    // sklearn 1.2.1: _compute_mi_cc(zs(a), zs(b), k) with zs(v) = (v - v.mean()) / v.std() in numpy.
    [InlineData("x1", "y1", 3, 0.23807369986564053)]
    [InlineData("x1", "y1", 4, 0.2525305006166052)]
    [InlineData("x2", "y2", 4, 0.013915620490053904)]
    public void Algorithm1StandardisedMatchesScikitLearnOnZScoredColumns(string x, string y, int k, double expected)
    {
        var estimate = Ksg(x, y, KsgOptions.Default with { K = k });
        Assert.Equal(expected, estimate.Value, Exact);
    }

    [Fact]
    public void DefaultMatchesScikitLearnMutualInfoRegression()
    {
        // sklearn 1.2.1: mutual_info_regression(x1.reshape(-1, 1), y1, n_neighbors=3, random_state=0)[0]. It scales
        // each column by its standard deviation (no centring: max-norm distances ignore shifts) and adds noise of
        // 1e-10 times max(1, mean |v|); on this data the noise moves no neighbour count, so the values agree exactly.
        var estimate = Ksg("x1", "y1", KsgOptions.Default);
        Assert.Equal(0.23807369986564053, estimate.Value, Exact);
        Assert.Equal(3, estimate.K);
        Assert.Equal("ksg1", estimate.Estimator);
        Assert.Equal(800, estimate.SampleCount);
    }

    [Fact]
    public void MultivariateAlgorithm1MatchesBruteForce()
    {
        // Independent O(N^2) numpy implementation of Kraskov et al. eq. 8 (ksg1_brute in the script) on z-scored
        // X = (x1, x2), Y = (y1, y2): exercises the k-d tree marginal counts.
        var x = Samples.FromColumns(ReferenceData.Column("x1"), ReferenceData.Column("x2"));
        var y = Samples.FromColumns(ReferenceData.Column("y1"), ReferenceData.Column("y2"));
        var estimate = new KsgMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats);
        Assert.Equal(0.3343545696854697, estimate.Value, Exact);
    }

    [Fact]
    public void MultivariateAlgorithm2MatchesBruteForce()
    {
        // ksg2_brute (Kraskov et al. eq. 9) on the same z-scored X, Y, k = 3.
        var x = Samples.FromColumns(ReferenceData.Column("x1"), ReferenceData.Column("x2"));
        var y = Samples.FromColumns(ReferenceData.Column("y1"), ReferenceData.Column("y2"));
        var estimate = new KsgMutualInformationEstimator(KsgOptions.Default with { Algorithm = KsgAlgorithm.Algorithm2 })
            .Estimate(x, y, InformationUnit.Nats);
        Assert.Equal(0.3472384049564221, estimate.Value, Exact);
        Assert.Equal("ksg2", estimate.Estimator);
    }

    [Fact]
    public void ScalarAlgorithm2MatchesBruteForce()
    {
        // ksg2_brute on z-scored x1, y1 with k = 4 (JIDT's default k).
        var estimate = Ksg("x1", "y1", KsgOptions.Default with { K = 4, Algorithm = KsgAlgorithm.Algorithm2 });
        Assert.Equal(0.2504077823306332, estimate.Value, Exact);
    }

    [Fact]
    public void BitsAreNatsOverLn2()
    {
        var nats = Ksg("x1", "y1", KsgOptions.Default);
        var bits = new KsgMutualInformationEstimator().Estimate(ReferenceData.Column("x1"), ReferenceData.Column("y1"), InformationUnit.Bits);
        Assert.Equal(nats.Value / Math.Log(2), bits.Value, 1e-14);
        Assert.Equal(InformationUnit.Bits, bits.Unit);
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheResult()
    {
        var one = Ksg("x1", "y1", KsgOptions.Default with { MaxDegreeOfParallelism = 1 });
        var all = Ksg("x1", "y1", KsgOptions.Default);
        Assert.Equal(one.Value, all.Value);
    }

    [Fact]
    public void ScaleWarningNamesTheRatio()
    {
        // y2 is 100 times wider than x1 (by construction in the script): the warning fires, the estimate does not care.
        var estimate = Ksg("x1", "y2", KsgOptions.Default);
        Assert.DoesNotContain(estimate.Warnings, w => w.Contains("tied", StringComparison.Ordinal));
        var wide = new KsgMutualInformationEstimator().Estimate(
            ReferenceData.Column("x1"), ReferenceData.Column("y2").Select(v => v * 100).ToArray(), InformationUnit.Nats);
        Assert.Contains(wide.Warnings, w => w.Contains("standard deviations differ", StringComparison.Ordinal));
        Assert.Equal(estimate.Value, wide.Value, 1e-12);
    }
}
