using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon.Tests.Continuous;

/// <summary>
/// The other continuous estimators against tools/reference/continuous_reference.py on the fixed data of
/// ReferenceData (N = 800). k-NN references are independent brute-force numpy implementations (or scikit-learn);
/// tolerance 1e-9 as in KsgReferenceTests (same neighbours: agreement to rounding). Closed forms (Gaussian,
/// copula, histograms) are compared at 1e-10: they differ only by summation order and the inverse normal CDF
/// (MathNet vs scipy's ndtri, both ~1e-15 relative).
/// </summary>
public class EstimatorReferenceTests
{
    private const double Exact = 1e-9;
    private const double ClosedForm = 1e-10;

    private static Samples X2 => Samples.FromColumns(ReferenceData.Column("x1"), ReferenceData.Column("x2"));

    private static Samples Y2 => Samples.FromColumns(ReferenceData.Column("y1"), ReferenceData.Column("y2"));

    [Theory]
    // cmi_brute (Frenzel-Pompe) on z-scored columns.
    [InlineData("x1", "y1", 3, 0.12383844468793659)]
    [InlineData("x2", "y2", 4, 0.04726882247769648)]
    public void ConditionalMatchesBruteForce(string x, string y, int k, double expected)
    {
        var estimate = new KsgConditionalMutualInformationEstimator(KsgOptions.Default with { K = k })
            .Estimate(ReferenceData.Column(x), ReferenceData.Column(y), ReferenceData.Column("z"), InformationUnit.Nats);
        Assert.Equal(expected, estimate.Value, Exact);
    }

    [Fact]
    public void KozachenkoLeonenkoMatchesBruteForce()
    {
        // kl_entropy_brute(x, 3, norm): psi(N) - psi(k) + ln V_d + d <ln r_k>.
        var max = new KozachenkoLeonenkoEntropyEstimator();
        var euclid = new KozachenkoLeonenkoEntropyEstimator(KozachenkoLeonenkoOptions.Default with { Norm = DistanceNorm.Euclidean });
        Assert.Equal(1.41642052406619, max.Estimate(ReferenceData.Column("x1"), InformationUnit.Nats).Value, Exact);
        Assert.Equal(2.832259462932159, max.Estimate(X2, InformationUnit.Nats).Value, Exact);
        Assert.Equal(2.84162446248875, euclid.Estimate(X2, InformationUnit.Nats).Value, Exact);
    }

    [Fact]
    public void KullbackLeiblerMatchesBruteForce()
    {
        // wkv_brute(P, Q, 3, norm) with P = (x1, x2)[:400], Q = (y1, z)[400:].
        var p = Samples.FromColumns(ReferenceData.Column("x1")[..400], ReferenceData.Column("x2")[..400]);
        var q = Samples.FromColumns(ReferenceData.Column("y1")[400..], ReferenceData.Column("z")[400..]);
        Assert.Equal(-0.06301908571900966, new KnnKullbackLeiblerEstimator().Estimate(p, q, InformationUnit.Nats).Value, Exact);
        var euclid = new KnnKullbackLeiblerEstimator(KnnKullbackLeiblerOptions.Default with { Norm = DistanceNorm.Euclidean });
        Assert.Equal(-0.08449874770905591, euclid.Estimate(p, q, InformationUnit.Nats).Value, Exact);
    }

    [Fact]
    public void MixedMatchesScikitLearnComputeMiCd()
    {
        // sklearn 1.2.1: _compute_mi_cd(x1, label, n_neighbors=3) (Ross 2014; Euclidean = max norm in 1-D; no scaling).
        int[] labels = ReferenceData.Column("label").Select(v => (int)v).ToArray();
        var estimate = new MixedMutualInformationEstimator().Estimate(ReferenceData.Column("x1"), labels, InformationUnit.Nats);
        Assert.Equal(1.0909457137301557, estimate.Value, Exact);
        Assert.Equal("mixed-ross", estimate.Estimator);
    }

    [Theory]
    // plugin_mi(x1, y1, histogram_bin_edges(x1, rule), histogram_bin_edges(y1, rule)) via numpy.histogram2d.
    [InlineData(BinningRule.FreedmanDiaconis, 0.411887949147527, 22)]
    [InlineData(BinningRule.Scott, 0.3643002277609006, 17)]
    [InlineData(BinningRule.Sturges, 0.2784203828257624, 11)]
    [InlineData(BinningRule.EqualWidth, 0.26561467067989475, 10)]
    public void BinnedMutualInformationMatchesNumpyHistograms(BinningRule rule, double expected, int bins)
    {
        var estimate = new BinnedMutualInformationEstimator(BinningOptions.Default with { Rule = rule })
            .Estimate(ReferenceData.Column("x1"), ReferenceData.Column("y1"), InformationUnit.Nats);
        Assert.Equal(expected, estimate.Value, ClosedForm);
        Assert.Equal(bins, estimate.BinCount);
    }

    [Theory]
    // hist_entropy(x1, histogram_bin_edges(x1, rule)): -sum p ln(p / width).
    [InlineData(BinningRule.FreedmanDiaconis, 1.4067133155524334)]
    [InlineData(BinningRule.Scott, 1.4162360022649423)]
    [InlineData(BinningRule.Sturges, 1.4183650011683238)]
    [InlineData(BinningRule.EqualWidth, 1.4303042586132089)]
    public void BinnedEntropyMatchesNumpyHistograms(BinningRule rule, double expected)
    {
        var estimate = new BinnedEntropyEstimator(BinningOptions.Default with { Rule = rule })
            .Estimate(ReferenceData.Column("x1"), InformationUnit.Nats);
        Assert.Equal(expected, estimate.Value, ClosedForm);
    }

    [Fact]
    public void GaussianMatchesSampleCovarianceFormula()
    {
        // gaussian_mi(x, y, biascorrect=False): log-determinants of the numpy sample covariance.
        var g = new GaussianMutualInformationEstimator();
        Assert.Equal(0.25114744750509965, g.Estimate(ReferenceData.Column("x1"), ReferenceData.Column("y1"), InformationUnit.Nats).Value, ClosedForm);
        Assert.Equal(0.29395449915745964, g.Estimate(X2, Y2, InformationUnit.Nats).Value, ClosedForm);
    }

    [Fact]
    public void GaussianCopulaMatchesInceEtAlWithBiasCorrection()
    {
        // gaussian_mi(copnorm(x), copnorm(y), biascorrect=True): gcmi's mi_gg and copnorm (Ince et al. 2017), in nats.
        var gc = new GaussianCopulaMutualInformationEstimator();
        Assert.Equal(0.2520254026043127, gc.Estimate(ReferenceData.Column("x1"), ReferenceData.Column("y1"), InformationUnit.Nats).Value, ClosedForm);
        Assert.Equal(0.2948346524450347, gc.Estimate(X2, Y2, InformationUnit.Nats).Value, ClosedForm);
    }

    [Fact]
    public void GaussianCopulaIsInvariantUnderMonotoneTransforms()
    {
        var gc = new GaussianCopulaMutualInformationEstimator();
        double[] x = ReferenceData.Column("x1"), y = ReferenceData.Column("y1");
        double plain = gc.Estimate(x, y, InformationUnit.Nats).Value;
        double transformed = gc.Estimate(x.Select(Math.Exp).ToArray(), y.Select(v => v * v * v).ToArray(), InformationUnit.Nats).Value;
        Assert.Equal(plain, transformed, 1e-15);
    }

    [Fact]
    public void EqualFrequencyBinsHoldEqualCounts()
    {
        // 800 distinct values in 8 equal-frequency bins: the histogram density is 100/800 per bin, so the entropy is
        // -sum (1/8) ln((1/8) / w_b), computed here from the sorted values directly.
        double[] x = ReferenceData.Column("x1");
        double[] sorted = x.OrderBy(v => v).ToArray();
        double expected = 0;
        for (int b = 0; b < 8; b++)
        {
            double lo = b == 0 ? sorted[0] : sorted[b * 100];
            double hi = b == 7 ? sorted[^1] : sorted[(b + 1) * 100];
            expected -= 0.125 * Math.Log(0.125 / (hi - lo));
        }

        var estimate = new BinnedEntropyEstimator(new BinningOptions { Rule = BinningRule.EqualFrequency, BinCount = 8 }).Estimate(x, InformationUnit.Nats);
        Assert.Equal(expected, estimate.Value, 1e-12);
    }
}
