using Shannon.Distributions;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Continuous;

namespace Shannon.Tests.HighDimensional;

/// <summary>LNC (Gao, Ver Steeg and Galstyan 2015) against an analytic strongly dependent case.</summary>
public class LncTests
{
    [Theory]
    // Y = X + U(-eps, eps), X ~ U(0, 1), eps = 1e-4: I = eps - ln(2 eps) = 8.5173 nats (Czyz et al. 2023, appendix;
    // MutualInformationTask.AdditiveUniform). This is the paper's regime: KSG needs exponentially many samples in the
    // MI (their Theorem 1) and reads about 5.18 at N = 1000 (k = 5, seeds 1-3: 5.174, 5.177, 5.178). LNC read 8.293,
    // 8.286, 8.294 on those seeds (spread 0.004, residual bias -0.23): the band is truth - 0.35 .. truth + 0.1.
    [InlineData(1)]
    [InlineData(4)]
    public void Lnc_removes_most_of_ksg_underestimate_on_a_near_deterministic_relation(int seed)
    {
        var task = MutualInformationTask.AdditiveUniform(1e-4);
        var (x, y) = task.Sample(1000, seed);
        double ksg = new KsgMutualInformationEstimator(new KsgOptions { K = 5 }).Estimate(x, y, InformationUnit.Nats).Value;
        var lnc = new LncMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats);
        Assert.True(ksg < task.TrueMutualInformation - 3, $"KSG {ksg}");
        Assert.InRange(lnc.Value, task.TrueMutualInformation - 0.35, task.TrueMutualInformation + 0.1);
        Assert.Equal("lnc", lnc.Estimator);
        Assert.Contains(lnc.Warnings, w => w.StartsWith("LNC corrected", StringComparison.Ordinal));
    }

    [Fact]
    public void Lnc_stays_near_ksg_on_weak_low_dimensional_dependence()
    {
        // rho = 0.75: truth -1/2 ln(1 - 0.5625) = 0.4133. The calibrated alpha corrects about 5% of points by
        // construction (its 5% quantile), measured +0.042 nats at N = 5000; the band allows 0.08 over the truth.
        var task = MutualInformationTask.NormalDense(1, 1, 0.75);
        var (x, y) = task.Sample(5000, 2);
        var lnc = new LncMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats);
        Assert.InRange(lnc.Value, task.TrueMutualInformation - 0.05, task.TrueMutualInformation + 0.08);
    }

    [Fact]
    public void Bad_lnc_options_name_the_parameter()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new LncMutualInformationEstimator(new LncOptions { Alpha = 0 })).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new LncMutualInformationEstimator(new LncOptions { K = 0 })).ParamName);
        var (x, y) = MutualInformationTask.NormalDense(3, 3).Sample(200, 1);
        var e = Assert.Throws<ArgumentException>(() => new LncMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats));
        Assert.Equal("k", e.ParamName);
        Assert.Contains("k >= 6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_runs_lnc_by_name()
    {
        var (x, y) = MutualInformationTask.AdditiveUniform(1e-4).Sample(1000, 1);
        var columns = (double[] c, string name) => (IReadOnlyList<SampleColumn>)[SampleColumn.FromNumbers(name, c, VariableKind.Continuous)];
        var e = EstimatorCatalogue.MutualInformation("lnc", columns(x.Columns[0], "x"), columns(y.Columns[0], "y"), [], null, InformationUnit.Nats);
        Assert.Equal("lnc", e.Estimator);
        Assert.Equal(new LncMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats).Value, e.Value, 1e-12);
    }
}
